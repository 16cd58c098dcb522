"""Training pipeline: load, split, impute, encode, train, evaluate, log and register."""
import logging
from pathlib import Path

import mlflow
import mlflow.pyfunc
import pandas as pd
import yaml
from mlflow.models import infer_signature
from mlflow.tracking import MlflowClient

from inference import HousingInferencePipeline
from models import evaluate_regression, fit_hgb_model
from preprocessing import (
    add_engineered_features,
    apply_imputer_transformation,
    apply_one_hot_encoder,
    fit_median_imputer,
    fit_one_hot_encoder,
    split_features,
    train_test_split_data,
)

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("train_pipeline")

DATA_PATH = Path("data/raw/housing.csv")
DVC_FILE = Path("data/raw/housing.csv.dvc")
TARGET_COL = "median_house_value"

EXPERIMENT_NAME = "california_housing_price"
REGISTERED_MODEL_NAME = "CaliforniaHousingRegressor"
MODEL_ALIAS = "Production"


def get_dvc_data_md5() -> str:
    """Read dataset hash directly from .dvc file"""
    try:
        with open(DVC_FILE) as f:
            dvc_yaml = yaml.safe_load(f)
        return dvc_yaml["outs"][0]["md5"]
    except Exception:
        return "unknown"


def run_training():
    mlflow.set_experiment(EXPERIMENT_NAME)

    with mlflow.start_run(run_name="hist_gradient_boosting") as run:
        df = pd.read_csv(DATA_PATH)
        dataset = mlflow.data.from_pandas(df, name="california_housing_raw")
        mlflow.log_input(dataset, context="training")
        mlflow.set_tag("data_dvc_md5", get_dvc_data_md5())

        X, y = split_features(df, TARGET_COL)
        X_raw_train, X_raw_test, y_train, y_test = train_test_split_data(
            X, y, test_size=0.2, random_state=42
        )

        imputer = fit_median_imputer(X_raw_train, "total_bedrooms")
        X_train = apply_imputer_transformation(X_raw_train, "total_bedrooms", imputer)
        X_test = apply_imputer_transformation(X_raw_test, "total_bedrooms", imputer)

        encoder = fit_one_hot_encoder(X_train, "ocean_proximity")
        X_train = apply_one_hot_encoder(X_train, "ocean_proximity", encoder)
        X_test = apply_one_hot_encoder(X_test, "ocean_proximity", encoder)

        X_train = add_engineered_features(X_train)
        X_test = add_engineered_features(X_test)

        params = {"max_depth": 8, "learning_rate": 0.1, "max_iter": 200, "random_state": 42}
        mlflow.log_params(params)

        model = fit_hgb_model(X_train, y_train, params)

        train_metrics = evaluate_regression(y_train, model.predict(X_train))
        test_metrics = evaluate_regression(y_test, model.predict(X_test))
        for k, v in train_metrics.items():
            mlflow.log_metric(f"train_{k}", v)
        for k, v in test_metrics.items():
            mlflow.log_metric(f"test_{k}", v)

        inference_pipeline = HousingInferencePipeline(imputer=imputer, encoder=encoder, model=model)

        input_example = X_raw_train.iloc[:3].copy()
        signature = infer_signature(input_example, inference_pipeline.predict(input_example))

        mlflow.pyfunc.log_model(
            name="model",
            python_model=inference_pipeline,
            pip_requirements="requirements/train.txt",
            registered_model_name=REGISTERED_MODEL_NAME,
            input_example=input_example,
            signature=signature,
        )

        client = MlflowClient()
        model_versions = client.search_model_versions(f"name='{REGISTERED_MODEL_NAME}'")
        current_version = next(
            mv.version for mv in model_versions if mv.run_id == run.info.run_id
        )
        client.set_registered_model_alias(
            name=REGISTERED_MODEL_NAME, alias=MODEL_ALIAS, version=current_version
        )
        logger.info(f"Model version {current_version} promoted via alias '{MODEL_ALIAS}'")


if __name__ == "__main__":
    run_training()
