import mlflow
import mlflow.sklearn
import pickle
import json
import yaml

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from fastapi import APIRouter, HTTPException
from sklearn.metrics import balanced_accuracy_score, classification_report

from api.schemas.train_schema import TrainRequest, TrainJobResponse
from api.core.job_store import create_job, get_job
from pipeline.preprocess_pipeline import run as preprocess_run
from pipeline.train_pipeline import build_model, resolve_mlflow
from api import logger


router = APIRouter(prefix="/train", tags=["Train"])
_executor = ThreadPoolExecutor(max_workers=2)


def _run_training(job, params: dict):
    try:
        job.status = "running"
        pre = preprocess_run(params)

        model = build_model(params)
        choice = job.model
        cfg = params["train"][choice]

        fit_kwargs = {}
        if choice == "xgb":
            fit_kwargs["sample_weight"] = pre.sample_weights

        resolve_mlflow()
        Path("models").mkdir(exist_ok=True)

        with mlflow.start_run() as active_run:
            model.fit(pre.X_train, pre.y_train, **fit_kwargs)

            preds = model.predict(pre.X_val)
            score = balanced_accuracy_score(pre.y_val, preds)
            report = classification_report(pre.y_val, preds, output_dict=True)
            run_id = active_run.info.run_id

            with open("models/model.pkl", "wb") as f:
                pickle.dump(model, f)

            with open("models/preprocessor.pkl", "wb") as f:
                pickle.dump(pre, f)

            with open("models/metrics.json", "w") as f:
                json.dump({"balanced_accuracy": score, "classification_report": report}, f, default=float)

            mlflow.log_param("model", choice)
            mlflow.log_metric("balanced_accuracy_val", float(score))
            mlflow.sklearn.log_model(sk_model=model, name=choice, params=cfg, input_example=pre.X_train.iloc[:5])

        job.score = round(score, 4)
        job.run_id = run_id
        job.status = "done"
        job.finished_at = datetime.now(timezone.utc).isoformat()
        logger.info(f"Job {job.id[:8]} done | {job.model} | score={score:.4f}")

    except Exception as e:
        job.status = "failed"
        job.error = str(e)
        job.finished_at = datetime.now(timezone.utc).isoformat()
        logger.error(f"Job {job.id[:8]} failed: {e}")


@router.post("", response_model=TrainJobResponse)
async def train(req: TrainRequest):
    with open("params.yaml") as f:
        params = yaml.safe_load(f)

    params["preprocess"]["test_size"] = req.test_size
    params["preprocess"]["seed"] = req.seed
    params["train"]["model"] = req.model

    job = create_job(req.model)
    _executor.submit(_run_training, job, params)

    logger.info(f"Training job {job.id[:8]} queued | model={req.model}")
    return TrainJobResponse(job_id=job.id, status=job.status, message=f"Training {req.model.upper()} in background")


@router.get("/{job_id}/status")
async def train_status(job_id: str):
    job = get_job(job_id)
    if not job:
        raise HTTPException(status_code=404, detail=f"Job {job_id} not found.")
    return {"job_id": job.id, "status": job.status, "score": job.score, "error": job.error}
