"""Model loading for inference: the MLflow registry's Production stage first, a local joblib
file as the fallback for development, CI and demos."""
from __future__ import annotations

import json
from typing import Any, Optional

import joblib

from src.config import load_params, resolve
from src.logging_setup import setup_logging

log = setup_logging()


class ModelHolder:
    def __init__(self) -> None:
        self.model: Optional[Any] = None
        self.version: str = "not-loaded"

    @property
    def loaded(self) -> bool:
        return self.model is not None

    def load(self) -> None:
        params = load_params()
        if params["mlflow"]["enabled"] and self._try_registry(params):
            return
        self._load_local(params)

    def _try_registry(self, params) -> bool:
        try:
            import mlflow

            mlflow.set_tracking_uri(params["mlflow"]["tracking_uri"])
            name = params["mlflow"]["registered_model_name"]
            stage = params["service"]["model_stage"]
            uri = f"models:/{name}/{stage}"
            self.model = mlflow.sklearn.load_model(uri)
            self.version = f"registry:{name}/{stage}"
            log.info("model loaded from the MLflow registry: %s", uri)
            return True
        except Exception as exc:  # noqa: BLE001
            # An unreachable tracking server must not take inference down.
            log.warning("MLflow registry unavailable (%s), using the local file", exc)
            return False

    def _load_local(self, params) -> None:
        path = resolve(params["service"]["model_path"])
        self.model = joblib.load(path)
        meta_path = resolve("models/model_meta.json")
        if meta_path.exists():
            with open(meta_path, encoding="utf-8") as f:
                meta = json.load(f)
            self.version = f"local:{meta.get('model')}@{meta.get('git_sha', 'unknown')}"
        else:
            self.version = "local:unknown"
        log.info("model loaded locally: %s (%s)", path, self.version)


holder = ModelHolder()
