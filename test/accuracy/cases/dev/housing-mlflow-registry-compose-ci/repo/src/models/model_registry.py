from typing import Dict, Optional, Any

import mlflow
from mlflow.client import MlflowClient

from src.utils.config import Settings
from src.utils.logger import setup_logger

logger = setup_logger(__name__, log_file="./logs/models.log")


class ModelRegistry:
    """Model registry for managing ML models."""

    def __init__(self):
        self.settings = Settings()
        self.models: Dict[str, Any] = {}
        mlflow.set_tracking_uri(self.settings.MLFLOW_TRACKING_URI)
        self.mlflow_client = MlflowClient()

    def list_mlflow_registered_models(self, max_results=100):
        """List all MLflow registered models."""
        try:
            models = self.mlflow_client.search_registered_models(max_results=max_results)
            if not models:
                print("No registered models found.")
                return []
            return [{"name": model.name, "description": model.description} for model in models]
        except Exception as e:
            logger.error(f"Error listing registered models: {str(e)}")
            return []

    def get_model_version(self, model_name: str, version: int):
        try:
            return self.mlflow_client.get_model_version(name=model_name, version=version)
        except Exception as e:
            print(f"Error retrieving model version: {e}")
            return None

    def get_lastest_model(self, model_name: str):
        try:
            model_versions = self.mlflow_client.search_model_versions(f"name='{model_name}'")
            if not model_versions:
                print(f"No versions found for model '{model_name}'.")
                return None
            latest_version = max(model_versions, key=lambda mv: int(mv.version))
            return latest_version
        except Exception as e:
            print(f"Error retrieving model version: {e}")
            return None

    def load_model(self, model_name, model_version: Optional[int] = None):
        try:
            model_versions = self.mlflow_client.search_model_versions(f"name='{model_name}'")
            if not model_versions:
                print(f"No versions found for model '{model_name}'.")
                return None
            if model_version is None:
                latest_version = max(model_versions, key=lambda mv: int(mv.version))
                model_uri = f"models:/{latest_version.name}/{latest_version.version}"
            else:
                spec_model_ver = self.get_model_version(model_name, model_version)
                model_uri = f"models:/{spec_model_ver.name}/{model_version}"
            print(f"model_uri : {model_uri}")
            model = mlflow.sklearn.load_model(model_uri)
            return model
        except Exception as e:
            print(f"Error loading model: {e}")
            return None
