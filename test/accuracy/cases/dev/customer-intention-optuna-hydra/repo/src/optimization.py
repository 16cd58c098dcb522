"""module responsible for optimize training model"""
import os

import lightgbm
import mlflow
import numpy as np
import optuna
import structlog
import yaml
from optuna.integration.mlflow import MLflowCallback
from sklearn.metrics import f1_score

from train import data_preparation
from utils import load_model

logger = structlog.getLogger()
mlflow.set_tracking_uri("sqlite:///mlflow.db")
mlflow_callback = MLflowCallback(tracking_uri=mlflow.get_tracking_uri(), metric_name="f1")


def transformed_data():
    pipe = load_model("pipeline")
    X_train, X_test, y_train, y_test = data_preparation()
    return pipe.transform(X_train), pipe.transform(X_test), y_train, y_test


@mlflow_callback.track_in_mlflow()
def objective(trial):
    param = {
        "objective": "binary",
        "verbosity": -1,
        "lambda_l1": trial.suggest_float("lambda_l1", 1e-8, 10.0),
        "num_leaves": trial.suggest_int("num_leaves", 2, 256),
        "feature_fraction": trial.suggest_float("feature_fraction", 0.4, 1.0),
        "bagging_fraction": trial.suggest_float("bagging_fraction", 0.4, 1.0),
        "bagging_freq": trial.suggest_int("bagging_freq", 1, 7),
    }
    X_train_transformed, X_test_transformed, y_train, y_test = transformed_data()
    train_data = lightgbm.Dataset(X_train_transformed, label=y_train)
    lgbm = lightgbm.train(params=param, train_set=train_data)
    y_pred_test = np.rint(lgbm.predict(X_test_transformed, num_iteration=lgbm.best_iteration))
    f1 = round(f1_score(y_test, y_pred_test), 4)
    return f1


if __name__ == "__main__":
    study = optuna.create_study(study_name="optimization_LGBM", direction="maximize")
    study.optimize(objective, n_trials=2, timeout=600, callbacks=[mlflow_callback])

    best_params = {"params": {**study.best_trial.params}}
    path_yaml = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../config/model", "model.yaml")
    with open(path_yaml, "w") as file:
        yaml.safe_dump(best_params, file, default_flow_style=False)
