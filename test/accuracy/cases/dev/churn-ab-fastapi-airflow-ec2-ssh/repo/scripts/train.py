"""
Model training pipeline for customer churn prediction.
"""

import os
import yaml
import joblib
import mlflow
import mlflow.sklearn
import mlflow.xgboost
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score, StratifiedKFold
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
import xgboost as xgb
import optuna
from typing import Dict, Any
import logging
from datetime import datetime
import boto3
import sys

sys.path.append(os.path.dirname(__file__))

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


class ModelTrainer:
    """Model training pipeline with MLflow tracking and hyperparameter optimization."""

    def __init__(self, config: Dict[str, Any]):
        self.config = config
        self.models = {}
        self.best_model = None
        self.best_model_name = None
        self.best_score = 0
        self.experiment_id = None
        self._setup_mlflow()

    def _setup_mlflow(self):
        try:
            if 'MLFLOW_TRACKING_URI' in os.environ:
                mlflow.set_tracking_uri(os.environ['MLFLOW_TRACKING_URI'])
            experiment_name = self.config['mlflow']['experiment_name']
            mlflow.set_experiment(experiment_name)
            self.experiment_id = mlflow.get_experiment_by_name(experiment_name).experiment_id
        except Exception as e:
            logger.warning(f"MLflow setup failed: {str(e)}")
            self.experiment_id = None

    def evaluate_model(self, model, X_test: np.ndarray, y_test: np.ndarray) -> Dict[str, float]:
        y_pred = model.predict(X_test)
        y_pred_proba = model.predict_proba(X_test)[:, 1]
        return {
            'accuracy': accuracy_score(y_test, y_pred),
            'f1_score': f1_score(y_test, y_pred),
            'roc_auc': roc_auc_score(y_test, y_pred_proba),
        }

    def optimize_hyperparameters(self, model_name: str, X_train: np.ndarray, y_train: np.ndarray) -> Any:
        """Optimize hyperparameters using Optuna."""
        if not self.config['training']['hyperparameter_tuning']:
            return self.models[model_name]

        def objective(trial):
            if model_name == 'random_forest':
                params = {
                    'n_estimators': trial.suggest_int('n_estimators', 50, 200),
                    'max_depth': trial.suggest_int('max_depth', 3, 20),
                    'random_state': self.config['data']['random_state']
                }
                model = RandomForestClassifier(**params)
            elif model_name == 'xgboost':
                params = {
                    'n_estimators': trial.suggest_int('n_estimators', 50, 200),
                    'learning_rate': trial.suggest_float('learning_rate', 0.01, 0.3),
                    'random_state': self.config['data']['random_state']
                }
                model = xgb.XGBClassifier(**params)
            else:
                params = {
                    'C': trial.suggest_float('C', 0.001, 100, log=True),
                    'max_iter': 1000
                }
                model = LogisticRegression(**params)

            cv = StratifiedKFold(n_splits=3, shuffle=True, random_state=42)
            scores = cross_val_score(model, X_train, y_train, cv=cv, scoring='roc_auc')
            return scores.mean()

        study = optuna.create_study(direction='maximize')
        study.optimize(objective, n_trials=50)

        best_params = study.best_params
        if model_name == 'random_forest':
            best_model = RandomForestClassifier(**best_params)
        elif model_name == 'xgboost':
            best_model = xgb.XGBClassifier(**best_params)
        else:
            best_model = LogisticRegression(**best_params)

        logger.info(f"Hyperparameter optimization completed for {model_name}. Best score: {study.best_value:.4f}")
        return best_model

    def train_models(self, X_train, y_train, X_test, y_test) -> Dict[str, Any]:
        """Train all models and track with MLflow."""
        results = {}

        for model_name, model in self.models.items():
            logger.info(f"Training {model_name}...")

            with mlflow.start_run(run_name=f"{model_name}_{datetime.now().strftime('%Y%m%d_%H%M%S')}") as run:
                try:
                    optimized_model = self.optimize_hyperparameters(model_name, X_train, y_train)
                    optimized_model.fit(X_train, y_train)

                    test_metrics = self.evaluate_model(optimized_model, X_test, y_test)

                    mlflow.log_params(optimized_model.get_params())
                    mlflow.log_metrics(test_metrics)
                    mlflow.sklearn.log_model(optimized_model, artifact_path=f"{model_name}_model")

                    results[model_name] = {
                        'model': optimized_model,
                        'test_score': test_metrics['roc_auc'],
                        'run_id': run.info.run_id
                    }

                    current_score = results[model_name]['test_score']
                    if current_score > self.best_score:
                        self.best_score = current_score
                        self.best_model = optimized_model
                        self.best_model_name = model_name

                except Exception as e:
                    logger.error(f"Error training {model_name}: {str(e)}")

        if not results:
            raise RuntimeError("No models were successfully trained. Check the data and configuration.")
        return results

    def save_model(self, model, model_name: str, version: str = None):
        """Save model to local and S3."""
        if version is None:
            version = datetime.now().strftime('%Y%m%d_%H%M%S')

        local_path = f'/opt/airflow/models/{model_name}_{version}.pkl'
        os.makedirs(os.path.dirname(local_path), exist_ok=True)
        joblib.dump(model, local_path)

        try:
            s3_bucket = self.config.get('infrastructure', {}).get('aws', {}).get('s3_bucket')
            if s3_bucket:
                s3_client = boto3.client('s3')
                s3_key = f"models/{model_name}_{version}.pkl"
                s3_client.upload_file(local_path, s3_bucket, s3_key)
        except Exception as e:
            logger.warning(f"Failed to save model to S3: {str(e)}")

        return local_path

    def register_model_with_mlflow(self, model_name: str, run_id: str):
        """Register the best model with MLflow Model Registry."""
        try:
            model_uri = f"runs:/{run_id}/{self.best_model_name}_model"
            registered_model = mlflow.register_model(model_uri, model_name)

            client = mlflow.tracking.MlflowClient()
            client.set_registered_model_alias(
                name=model_name,
                alias="production",
                version=registered_model.version
            )
            return registered_model.version

        except Exception as e:
            logger.error(f"Error registering model with MLflow: {str(e)}")
            return None
