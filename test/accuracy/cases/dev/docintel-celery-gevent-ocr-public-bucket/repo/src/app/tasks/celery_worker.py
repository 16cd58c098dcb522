import asyncio
import structlog
from app.tasks.celery_app import celery
from app.core.dependencies import get_document_orchestration_service
from app.core.logging import LoggerRegistry


@celery.task(bind=True)
def run_pipeline_task(self, pipeline_config, file_data, file_name, correlation_id):
    logger = LoggerRegistry.get_infrastructure_logger("celery")
    service = get_document_orchestration_service()
    service.logger = logger

    logger.info(
        "Celery task started",
        celery_task_id=self.request.id,
        correlation_id=correlation_id,
        pipeline_name=pipeline_config.get("name", "unknown")
    )

    async def main():
        return await service.process_document(
            file_data=file_data,
            file_name=file_name,
            pipeline_config=pipeline_config,
            correlation_id=correlation_id,
        )

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    result = None

    try:
        result = loop.run_until_complete(main())

        logger.info(
            "Pipeline execution completed successfully",
            celery_task_id=self.request.id,
            correlation_id=correlation_id,
            job_id=result.job_id,
            status=result.status.value
        )
        # the serialised result is stored in the Celery backend
        return result.model_dump_json()

    except Exception:
        logger.exception(
            "Celery task failed unexpectedly",
            celery_task_id=self.request.id,
            correlation_id=correlation_id
        )
        self.update_state(
            state='FAILURE',
            meta={'error': 'Pipeline execution failed', 'result': result.model_dump_json()} if result else {'error': 'Pipeline execution failed'}
        )
        raise

    finally:
        loop.close()
