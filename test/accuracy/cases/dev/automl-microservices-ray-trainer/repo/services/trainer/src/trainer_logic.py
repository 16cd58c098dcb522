import io
import logging
import os

import joblib
import numpy as np
import pandas as pd
import pytorch_lightning as L
import ray
import torch
from pytorch_lightning.loggers import MLFlowLogger
from ray.train import ScalingConfig
from ray.train.torch import TorchTrainer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

from src.utils import update_job_status, save_checkpoint_to_minio, get_minio_client

logger = logging.getLogger(__name__)


def load_dataset_from_minio(dataset_id):
    client = get_minio_client()
    try:
        response = client.get_object("processed-data", f"processed_{dataset_id}.csv")
        return pd.read_csv(io.BytesIO(response.read()))
    except Exception as e:
        logger.error(f"Failed to load dataset {dataset_id} from MinIO: {e}")
        raise e


class SimpleLightningModel(L.LightningModule):
    def __init__(self, config):
        super().__init__()
        self.save_hyperparameters()
        self.net = torch.nn.Sequential(
            torch.nn.Linear(config.get("input_size", 10), 64),
            torch.nn.ReLU(),
            torch.nn.Linear(64, config.get("output_size", 1)),
        )
        self.lr = config.get("lr", 0.01)

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = torch.nn.functional.mse_loss(self(x).squeeze(), y)
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.lr)


def train_func(config):
    try:
        df = load_dataset_from_minio(config["data_id"])
        target = config.get("target_column")
        X = df.drop(columns=[target]).values.astype(np.float32)
        y = df[target].values.astype(np.float32)

        dataset = torch.utils.data.TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
        train_loader = torch.utils.data.DataLoader(dataset, batch_size=config.get("batch_size", 32))

        config["input_size"] = X.shape[1]
        model = SimpleLightningModel(config)

        mlflow_logger = MLFlowLogger(
            experiment_name=config.get("experiment_name", "automl_trainer"),
            tracking_uri=os.getenv("MLFLOW_TRACKING_URI", "http://mlflow:5000"),
        )
        trainer = L.Trainer(max_epochs=config.get("epochs", 5), logger=mlflow_logger, devices=1, enable_progress_bar=False)
        trainer.fit(model, train_loader)

        metrics = trainer.callback_metrics
        return {"loss": metrics.get("train_loss", 0.0).item(), "mlflow_run_id": mlflow_logger.run_id}
    except Exception as e:
        logger.error(f"Train func failed: {e}")
        return {"error": str(e)}


def train_sklearn(job_id, params):
    df = load_dataset_from_minio(params["data_id"])
    target_col = params["target_column"]
    X = pd.get_dummies(df.drop(columns=[target_col])).astype(float)
    y = df[target_col]

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    if X_train.isnull().any().any():
        X_train = X_train.fillna(X_train.mean()).fillna(0)
        X_test = X_test.fillna(X_train.mean()).fillna(0)

    model_params = {k: v for k, v in params.items() if k not in ("data_id", "target_column")}
    model = RandomForestClassifier(**model_params)
    model.fit(X_train, y_train)
    result = {"accuracy": float(accuracy_score(y_test, model.predict(X_test)))}

    filename = f"model_{job_id}.joblib"
    joblib.dump(model, filename)
    save_checkpoint_to_minio(job_id, filename)
    os.remove(filename)
    return result


def start_training(job_id, model_type, data_id, hyperparameters):
    try:
        update_job_status(job_id, "running")
        hyperparameters["data_id"] = data_id
        if "n_estimators" in hyperparameters:
            try:
                hyperparameters["n_estimators"] = int(hyperparameters["n_estimators"])
            except:
                pass

        if "RandomForest" in model_type:
            result = train_sklearn(job_id, hyperparameters)
            update_job_status(job_id, "completed", result=result)
        else:
            if not ray.is_initialized():
                ray.init(ignore_reinit_error=True)
            config = {"data_id": data_id, "epochs": 10, "experiment_name": f"job_{job_id}"}
            config.update(hyperparameters)
            trainer = TorchTrainer(train_func, train_loop_config=config, scaling_config=ScalingConfig(num_workers=1, use_gpu=False))
            result = trainer.fit()
            save_checkpoint_to_minio(job_id, f"checkpoints/{job_id}/model.ckpt")
            update_job_status(job_id, "completed", result=result.metrics)
    except Exception as e:
        logger.error(f"Job {job_id} failed: {str(e)}")
        update_job_status(job_id, "failed", error=str(e))
