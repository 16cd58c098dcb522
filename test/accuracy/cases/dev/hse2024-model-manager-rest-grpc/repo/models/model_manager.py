"""
Manager for models
"""

import hashlib
from pathlib import Path

import joblib

from models.ml_models.ml_models import LinRegModel


class ModelManager:
    model_classes = {
        "lin_reg": LinRegModel,
    }

    def __init__(self, storage_dir: str, hash_len: int = 16):
        self.storage_dir = Path(storage_dir)
        self.storage_dir.mkdir(parents=True, exist_ok=True)
        self.hash_len = hash_len

    def create_trainer(self, model_type, model_params=None):
        if model_type not in self.model_classes:
            raise ValueError(f"Unsupported model type '{model_type}'")
        return self.model_classes[model_type](hyperparams=model_params or {})

    def train_and_save_model(self, model_type, X_train, y_train, model_params=None):
        trainer = self.create_trainer(model_type, model_params)
        trainer.fit(X_train, y_train)
        model_name = hashlib.sha256(str(sorted((model_params or {}).items())).encode()).hexdigest()[: self.hash_len]
        self.save_model(trainer, model_name)
        return model_name

    def save_model(self, model, model_name: str):
        joblib.dump(model, self.storage_dir / f"{model_name}.joblib")

    def load_model(self, model_name: str):
        model_path = self.storage_dir / f"{model_name}.joblib"
        if not model_path.exists():
            raise FileNotFoundError(f"Model for loading {model_name} not found.")
        return joblib.load(model_path)

    def delete_model(self, model_name: str):
        model_path = self.storage_dir / f"{model_name}.joblib"
        if model_path.exists():
            model_path.unlink()
        else:
            raise FileNotFoundError(f"Model for deleting {model_name} not found.")

    def list_models(self) -> list[str]:
        return [file.name for file in self.storage_dir.glob("*.joblib")]


MODEL_MANAGER = ModelManager("./saved_models")
