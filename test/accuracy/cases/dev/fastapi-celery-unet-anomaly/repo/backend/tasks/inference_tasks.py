"""Celery tasks for inference"""
from backend.controllers.inference_controller import InferenceController
from backend.database import SessionLocal
from backend.tasks.celery_app import celery_app


@celery_app.task(bind=True)
def predict_task(self, job_id: str):
    db = SessionLocal()
    try:
        result = InferenceController.execute_inference(job_id, db)
        return result
    finally:
        db.close()
