"""Thin wrapper around MLflow tracking and the Model Registry."""
from __future__ import annotations

import mlflow
from mlflow.tracking import MlflowClient

from src.config import MLFLOW_EXPERIMENT_NAME, MLFLOW_TRACKING_URI, REGISTERED_MODEL_NAME
from src.utils.logger import get_logger

logger = get_logger(__name__)

PRODUCTION_STAGE = "Production"


def setup_mlflow() -> MlflowClient:
    mlflow.set_tracking_uri(MLFLOW_TRACKING_URI)
    client = MlflowClient()
    if client.get_experiment_by_name(MLFLOW_EXPERIMENT_NAME) is None:
        client.create_experiment(MLFLOW_EXPERIMENT_NAME)
    mlflow.set_experiment(MLFLOW_EXPERIMENT_NAME)
    return client


def register_and_promote(run_id: str, roc_auc: float) -> str:
    """Register the run's model and promote it to Production, archiving the previous one."""
    client = MlflowClient()
    version = mlflow.register_model(model_uri=f"runs:/{run_id}/model", name=REGISTERED_MODEL_NAME)
    client.update_model_version(
        name=REGISTERED_MODEL_NAME,
        version=version.version,
        description=f"Auto-registered. Test ROC-AUC={roc_auc:.4f}.",
    )
    client.transition_model_version_stage(
        name=REGISTERED_MODEL_NAME,
        version=version.version,
        stage=PRODUCTION_STAGE,
        archive_existing_versions=True,
    )
    logger.info("Promoted '%s' v%s -> %s", REGISTERED_MODEL_NAME, version.version, PRODUCTION_STAGE)
    return version.version


def load_production_model():
    mlflow.set_tracking_uri(MLFLOW_TRACKING_URI)
    model_uri = f"models:/{REGISTERED_MODEL_NAME}/{PRODUCTION_STAGE}"
    logger.info("Loading model from %s", model_uri)
    return mlflow.sklearn.load_model(model_uri)


def get_production_details() -> dict | None:
    client = MlflowClient()
    versions = client.get_latest_versions(REGISTERED_MODEL_NAME, stages=[PRODUCTION_STAGE])
    if not versions:
        return None
    version = versions[0]
    run = client.get_run(version.run_id)
    wanted = ("accuracy", "precision", "recall", "f1", "roc_auc")
    return {
        "version": str(version.version),
        "run_id": version.run_id,
        "model_name": run.data.tags.get("model_family", "unknown"),
        "metrics": {k: run.data.metrics[k] for k in wanted if k in run.data.metrics},
    }
