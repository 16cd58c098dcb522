"""Inference endpoints"""
from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.orm import Session

from backend.controllers.inference_controller import InferenceController
from backend.database import get_db
from backend.schemas.inference import InferenceJobCreate, InferencePredict
from backend.tasks.inference_tasks import predict_task

router = APIRouter(prefix="/inference", tags=["inference"])


@router.post("/predict", response_model=InferenceJobCreate)
def start_prediction(request: InferencePredict, db: Session = Depends(get_db)):
    job = InferenceController.create_inference_job(
        db=db,
        image_path=request.image_path,
        model_id=request.model_id,
        threshold=request.threshold,
        stride=request.stride,
        batch_size=request.batch_size,
    )
    predict_task.delay(job.job_id)
    return InferenceJobCreate(job_id=job.job_id, status=job.status, message="Prediction started")


@router.get("/status/{job_id}")
def get_inference_status(job_id: str, db: Session = Depends(get_db)):
    job = InferenceController.get_inference_job(db, job_id)
    if not job:
        raise HTTPException(status_code=404, detail="Job not found")
    return {"job_id": job.job_id, "status": job.status, "progress": job.progress, "error_message": job.error_message}
