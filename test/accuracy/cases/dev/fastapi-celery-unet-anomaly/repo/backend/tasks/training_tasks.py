"""Celery tasks for training"""
from backend.controllers.training_controller import TrainingController
from backend.database import SessionLocal
from backend.models.db_models import TrainingJob
from backend.tasks.celery_app import celery_app


@celery_app.task(bind=True, soft_time_limit=7200, time_limit=7300)
def train_model_task(self, job_id: str):
    db = SessionLocal()
    try:
        return TrainingController.execute_training(job_id, db)
    except Exception as e:
        try:
            job = db.query(TrainingJob).filter(TrainingJob.job_id == job_id).first()
            if job:
                job.status = "failed"
                job.error_message = f"Celery task error: {str(e)}"
                db.commit()
        except Exception as db_error:
            print(f"Error updating the job status: {db_error}")
        raise
    finally:
        db.close()
