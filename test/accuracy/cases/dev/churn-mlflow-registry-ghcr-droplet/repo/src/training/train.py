"""Train candidate models, track them in MLflow, register and promote the best."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

import joblib
import mlflow
import mlflow.sklearn
from mlflow.models import infer_signature
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from src.config import BEST_MODEL_FILE, FEATURE_COLUMNS, MODEL_METADATA_FILE, RANDOM_STATE, RAW_DATA_FILE
from src.data.load_data import get_split
from src.features.preprocessing import build_preprocessor
from src.models.metrics import compute_metrics
from src.models.registry import register_and_promote, setup_mlflow
from src.utils.logger import get_logger

logger = get_logger(__name__)


def _dataset_fingerprint() -> dict:
    raw_bytes = RAW_DATA_FILE.read_bytes()
    return {"data_md5": hashlib.md5(raw_bytes).hexdigest()}


def candidate_models() -> dict[str, object]:
    return {
        "logistic_regression": LogisticRegression(max_iter=1000, class_weight="balanced", random_state=RANDOM_STATE),
        "random_forest": RandomForestClassifier(
            n_estimators=300, max_depth=12, min_samples_leaf=5, class_weight="balanced", n_jobs=-1, random_state=RANDOM_STATE
        ),
    }


def train() -> None:
    setup_mlflow()
    split = get_split()
    fingerprint = _dataset_fingerprint()
    results: dict[str, dict] = {}

    for name, estimator in candidate_models().items():
        with mlflow.start_run(run_name=name) as run:
            pipeline = Pipeline(steps=[("preprocess", build_preprocessor()), ("model", estimator)])
            pipeline.fit(split.X_train, split.y_train)

            y_pred = pipeline.predict(split.X_test)
            y_proba = pipeline.predict_proba(split.X_test)[:, 1]
            metrics = compute_metrics(split.y_test, y_pred, y_proba)

            mlflow.set_tag("model_family", name)
            mlflow.log_params(estimator.get_params())
            mlflow.log_param("data_md5", fingerprint["data_md5"])
            mlflow.log_metrics(metrics)
            signature = infer_signature(split.X_test, y_pred)
            mlflow.sklearn.log_model(pipeline, artifact_path="model", signature=signature)

            logger.info("[%s] %s", name, metrics)
            results[name] = {"pipeline": pipeline, "metrics": metrics, "run_id": run.info.run_id}

    best_name = max(results, key=lambda n: results[n]["metrics"]["roc_auc"])
    best = results[best_name]
    logger.info("Best model: %s (roc_auc=%.4f)", best_name, best["metrics"]["roc_auc"])

    version = register_and_promote(best["run_id"], best["metrics"]["roc_auc"])

    joblib.dump(best["pipeline"], BEST_MODEL_FILE)
    metadata = {
        "model_name": best_name,
        "registered_model_version": version,
        "mlflow_run_id": best["run_id"],
        "metrics": best["metrics"],
        "features": FEATURE_COLUMNS,
        "trained_at_utc": datetime.now(timezone.utc).isoformat(),
        "data_md5": fingerprint["data_md5"],
    }
    MODEL_METADATA_FILE.write_text(json.dumps(metadata, indent=2))


if __name__ == "__main__":
    train()
