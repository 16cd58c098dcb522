import uuid
from typing import Union
from fastapi import APIRouter, Depends, File, Form, UploadFile, HTTPException, Response

from app.core.dependencies import get_document_orchestration_service
from app.services.document_orchestration_service import DocumentOrchestrationService
from app.tasks.celery_app import celery
from app.tasks.celery_worker import run_pipeline_task
from app.api.v1.schemas.schemas import DocumentProcessingResult, JobCreationResponse, JobStatusResponse
from app.core.schemas.enums import JobStatus
from app.core.pipeline_config import pipeline_config

router = APIRouter()


@router.post("/run", response_model=Union[DocumentProcessingResult, JobCreationResponse])
async def run_pipeline(
    response: Response,
    file: UploadFile = File(...),
    pipeline_name: str = Form(...),
    service: DocumentOrchestrationService = Depends(get_document_orchestration_service),
    correlation_id: str = str(uuid.uuid4()),
):
    """
    Runs a document processing pipeline from a JSON template; the template's
    execution_mode decides between synchronous and Celery execution.
    """
    config = pipeline_config.get_pipeline_config(pipeline_name)
    if not config:
        raise HTTPException(status_code=404, detail=f"Pipeline '{pipeline_name}' not found.")

    file_data = await file.read()

    execution_mode = config.get("execution_mode", "simple")

    if execution_mode == "dag":
        task = run_pipeline_task.delay(
            pipeline_config=config,
            file_data=file_data,
            file_name=file.filename,
            correlation_id=correlation_id,
        )
        return JobCreationResponse(job_id=task.id)

    service.logger.info("Starting synchronous pipeline", pipeline_name=pipeline_name, correlation_id=correlation_id)
    result = await service.process_document(
        file_data=file_data,
        file_name=file.filename,
        pipeline_config=config,
        correlation_id=correlation_id,
    )
    service.logger.info("Synchronous pipeline finished", pipeline_name=pipeline_name, correlation_id=correlation_id)
    return result


@router.get("/status/{job_id}", response_model=JobStatusResponse)
async def get_task_status(job_id: str, service: DocumentOrchestrationService = Depends(get_document_orchestration_service)):
    """
    Status of a Celery task: PENDING/RETRY in progress, SUCCESS with the result,
    FAILURE with the error.
    """
    try:
        service.logger.info("Checking task status for job_id", job_id=job_id)
        task = celery.AsyncResult(job_id)
        task_state = task.state

        if task_state == 'PENDING' or task_state == 'RETRY':
            return JobStatusResponse(status=JobStatus.IN_PROGRESS)

        elif task_state == 'SUCCESS':
            result_data = task.result
            if isinstance(result_data, str):
                processing_result = DocumentProcessingResult.model_validate_json(result_data)
                return JobStatusResponse(status=JobStatus.SUCCESS, result=processing_result)
            elif isinstance(result_data, dict):
                return JobStatusResponse(status=JobStatus.SUCCESS, result=DocumentProcessingResult(**result_data))
            else:
                service.logger.error("Task succeeded but result format is invalid.", job_id=job_id)
                return JobStatusResponse(status=JobStatus.FAILED, error="Task succeeded, but the result format was invalid.")

        elif task_state == 'FAILURE':
            service.logger.error("Task failed with an exception.", job_id=job_id, info=str(task.info))
            return JobStatusResponse(status=JobStatus.FAILED, error=str(task.info))

        return JobStatusResponse(status=JobStatus.FAILED, error=f"Task is in an unexpected state: {task_state}")

    except Exception as e:
        service.logger.error(
            "Failed to decode Celery task result",
            job_id=job_id,
            error=str(e),
            task_state=task_state,
            exc_info=True
        )
        return JobStatusResponse(
            status=JobStatus.FAILED,
            error=f"Failed to retrieve task status: {str(e)}. Task state: {task_state}. Please check logs for details."
        )

    except Exception as e:
        service.logger.error("Unexpected error in get_task_status", job_id=job_id, error=str(e), exc_info=True)
        return JobStatusResponse(
            status=JobStatus.FAILED,
            error=f"Unexpected error retrieving task status: {str(e)}"
        )
