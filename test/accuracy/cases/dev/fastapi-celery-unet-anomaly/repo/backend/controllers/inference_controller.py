"""Inference controller"""
from datetime import datetime

import numpy as np
import torch

from backend.config import settings
from backend.models.db_models import InferenceJob, MLModel
from backend.models.ml_models import MLModelWrapper
from backend.models.procesamiento import create_patches, load_image, save_mask_geotiff


class InferenceController:
    @staticmethod
    def create_inference_job(db, image_path, model_id, threshold=0.5, stride=256, batch_size=16):
        job_id = f"pred_{datetime.now().strftime('%Y%m%d_%H%M%S')}"
        job = InferenceJob(job_id=job_id, status="queued", image_path=image_path, model_id=model_id,
                           threshold=threshold, stride=stride, batch_size=batch_size)
        db.add(job)
        db.commit()
        db.refresh(job)
        return job

    @staticmethod
    def get_inference_job(db, job_id):
        return db.query(InferenceJob).filter(InferenceJob.job_id == job_id).first()

    @staticmethod
    def execute_inference(job_id, db):
        job = InferenceController.get_inference_job(db, job_id)
        if not job:
            return {"success": False, "error": "Job not found"}

        try:
            ml_model_entry = db.query(MLModel).filter(MLModel.model_id == job.model_id).first()
            if not ml_model_entry:
                raise ValueError(f"Model {job.model_id} not found")

            ml_model = MLModelWrapper(ml_model_entry.model_path)

            image, profile = load_image(job.image_path)
            x_patches, coords = create_patches(image, patch_size=256, stride=job.stride)

            device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
            probs = []
            with torch.no_grad():
                for i in range(0, len(x_patches), job.batch_size):
                    batch = torch.from_numpy(x_patches[i:i + job.batch_size]).float().to(device)
                    probs.append(ml_model.model(batch).cpu().numpy())

            mask_bin = (np.concatenate(probs) >= job.threshold).astype(np.uint8)
            output_path = settings.OUTPUT_DIR / f"pred_{job_id}.tif"
            save_mask_geotiff(str(output_path), mask_bin, profile)
            job.status = "completed"
            db.commit()
            return {"success": True, "output_path": str(output_path)}

        except Exception as e:
            job.status = "failed"
            job.error_message = str(e)
            db.commit()
            return {"success": False, "error": str(e)}
