#!/usr/bin/env python
"""Train a random forest on the cleaned listings."""
import argparse
import json
import logging
import os
import shutil

import mlflow
import pandas as pd
import wandb
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder

logging.basicConfig(level=logging.INFO, format="%(asctime)-15s %(message)s")
logger = logging.getLogger()


def go(args):
    run = wandb.init(job_type="train_random_forest")
    run.config.update(args)

    with open(args.rf_config) as fp:
        rf_config = json.load(fp)
    run.config.update(rf_config)

    # fix the seed of the forest so runs are reproducible
    rf_config["random_state"] = args.random_seed

    trainval_local_path = run.use_artifact(args.trainval_artifact).file()
    X = pd.read_csv(trainval_local_path)
    y = X.pop("price")

    X_train, X_val, y_train, y_val = train_test_split(
        X, y, test_size=args.val_size, stratify=X[args.stratify_by], random_state=args.random_seed
    )

    sk_pipe = get_inference_pipeline(rf_config)
    logger.info("Fitting")
    sk_pipe.fit(X_train, y_train)

    r_squared = sk_pipe.score(X_val, y_val)
    y_pred = sk_pipe.predict(X_val)
    mae = mean_absolute_error(y_val, y_pred)
    logger.info(f"Score: {r_squared}")
    logger.info(f"MAE: {mae}")

    if os.path.exists("random_forest_dir"):
        shutil.rmtree("random_forest_dir")

    input_example = X_val.iloc[:5]
    mlflow.sklearn.save_model(
        sk_model=sk_pipe,
        path="random_forest_dir",
        signature=mlflow.models.infer_signature(input_example, sk_pipe.predict(input_example)),
        input_example=input_example,
    )

    artifact = wandb.Artifact(args.output_artifact, type="model_export", metadata=rf_config)
    artifact.add_dir("random_forest_dir")
    run.log_artifact(artifact)

    run.summary["r2"] = r_squared
    run.summary["mae"] = mae


def get_inference_pipeline(rf_config):
    preprocessor = ColumnTransformer(
        transformers=[
            ("ordinal_cat", OrdinalEncoder(), ["room_type"]),
            ("non_ordinal_cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder()), ["neighbourhood_group"]),
            ("impute_zero", SimpleImputer(strategy="constant", fill_value=0), ["minimum_nights", "number_of_reviews"]),
        ],
        remainder="drop",
    )
    random_forest = RandomForestRegressor(**rf_config)
    return Pipeline([("preprocessor", preprocessor), ("random_forest", random_forest)])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Train a random forest")
    parser.add_argument("--trainval_artifact", type=str)
    parser.add_argument("--val_size", type=float)
    parser.add_argument("--random_seed", type=int, default=42, required=False)
    parser.add_argument("--stratify_by", type=str, default="none", required=False)
    parser.add_argument("--rf_config", default="{}")
    parser.add_argument("--output_artifact", type=str, required=True)
    args = parser.parse_args()
    go(args)
