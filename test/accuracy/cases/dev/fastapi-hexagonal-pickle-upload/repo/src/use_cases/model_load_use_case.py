class ModelLoadUseCase:
    def __init__(self, model_repository):
        self._model_repository = model_repository

    async def __call__(self, model_data, model_path: str):
        await self._model_repository.save(model_data, model_path)
        return {
            'status': 'success',
            'message': 'Model loaded successfully',
            'path': model_path,
        }
