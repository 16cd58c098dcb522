class ModelPredictUseCase:
    def __init__(self, model_repository):
        self._model_repository = model_repository
        self._model = None

    async def load_model(self, model_path: str):
        self._model = await self._model_repository.load(model_path)

    async def __call__(self, input_data):
        if self._model is None:
            raise ValueError('No model is loaded.')

        predictions = self._model.predict(input_data)
        return predictions
