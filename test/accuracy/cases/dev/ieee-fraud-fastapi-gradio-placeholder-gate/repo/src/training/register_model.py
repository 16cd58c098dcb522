"""Register the best MLflow run and promote it None -> Staging -> Production."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import mlflow
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from src.data.preprocessing import load_config  # noqa: E402


def _wait_until_ready(client: MlflowClient, model_name: str, version: str, timeout_seconds: int = 120) -> None:
    deadline = time.time() + timeout_seconds
    while time.time() < deadline:
        if client.get_model_version(name=model_name, version=version).status == "READY":
            return
        time.sleep(2)
    raise TimeoutError(f"Model version {model_name} v{version} was not ready within {timeout_seconds}s.")


def _transition_stage(client: MlflowClient, model_name: str, version: str, stage: str, archive: bool) -> str:
    client.transition_model_version_stage(
        name=model_name, version=version, stage=stage, archive_existing_versions=archive
    )
    return client.get_model_version(name=model_name, version=version).current_stage


def register_best_model(config_path: str | Path = "configs/params.yaml") -> None:
    config = load_config(config_path)
    mlflow_config = config["mlflow"]
    metric_name = config["training"]["scoring_metric"]
    tracking_uri = mlflow_config["tracking_uri"]
    experiment_name = mlflow_config["experiment_name"]
    registered_model_name = mlflow_config["registered_model_name"]
    archive_existing = bool(mlflow_config.get("archive_existing_versions", True))

    mlflow.set_tracking_uri(tracking_uri)
    client = MlflowClient(tracking_uri=tracking_uri)
    try:
        experiment = client.get_experiment_by_name(experiment_name)
    except (MlflowException, OSError, ConnectionError) as exc:
        raise RuntimeError("Could not connect to MLflow; run 'docker compose up -d mlflow'.") from exc
    if experiment is None:
        raise ValueError(f"MLflow experiment not found: {experiment_name}")

    runs = client.search_runs(
        experiment_ids=[experiment.experiment_id],
        filter_string="attributes.status = 'FINISHED'",
        order_by=[f"metrics.{metric_name} DESC"],
        max_results=1,
    )
    if not runs:
        raise ValueError(f"No finished MLflow runs found for experiment: {experiment_name}")

    best_run = runs[0]
    model_uri = f"runs:/{best_run.info.run_id}/model"
    print(f"[registry] Registering run {best_run.info.run_id} as {registered_model_name}")

    model_version = mlflow.register_model(model_uri=model_uri, name=registered_model_name)
    version = model_version.version
    _wait_until_ready(client, registered_model_name, version)

    _transition_stage(client, registered_model_name, version, "Staging", archive_existing)
    current_stage = _transition_stage(client, registered_model_name, version, "Production", archive_existing)
    print(f"[registry] {registered_model_name} v{version} -> {current_stage}")


if __name__ == "__main__":
    register_best_model()
