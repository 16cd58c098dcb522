"""Iris classifier implementation."""

import logging
import pickle
import time
from pathlib import Path
from typing import Any

import mlflow
import mlflow.sklearn
import numpy as np
from mlflow.tracking import MlflowClient

from src.monitoring.metrics import INFERENCE_TIME, PREDICTION_COUNTER

logger = logging.getLogger(__name__)


class IrisClassifier:
    """RandomForest classifier for Iris dataset."""

    def __init__(self, model_path: str | Path):
        self.model_path = Path(model_path)
        with open(self.model_path, "rb") as f:
            data = pickle.load(f)
        self.model = data["model"]
        self.feature_names = list(data["feature_names"])
        self.target_names = list(data["target_names"])
        self.version = data.get("version", "unknown")

    @classmethod
    def from_mlflow(cls, tracking_uri: str, model_name: str, stage: str) -> "IrisClassifier":
        """Load model from MLflow model registry."""
        mlflow.set_tracking_uri(tracking_uri)
        client = MlflowClient(tracking_uri)
        versions = client.get_latest_versions(model_name, stages=[stage])
        if not versions:
            raise RuntimeError(f"No model '{model_name}' found at stage '{stage}'")
        mv = versions[0]
        model_uri = f"models:/{model_name}/{stage}"
        instance = cls.__new__(cls)
        instance.model = mlflow.sklearn.load_model(model_uri)
        instance.version = mv.version
        return instance

    def predict(self, features: dict[str, Any]) -> dict[str, Any]:
        """Run prediction on input features."""
        X = np.array([[features[name] for name in self.feature_names]])
        start = time.perf_counter()
        proba = self.model.predict_proba(X)[0]
        pred_idx = np.argmax(proba)
        elapsed = time.perf_counter() - start
        predicted_class = self.target_names[pred_idx]
        INFERENCE_TIME.observe(elapsed)
        PREDICTION_COUNTER.labels(predicted_class=predicted_class).inc()
        return {"prediction": predicted_class, "confidence": float(proba[pred_idx]), "model_version": self.version}
