import os
from typing import Dict, Tuple

import numpy as np
import pandas as pd
from dagster import AssetIn, AssetOut, Float, Int, asset, multi_asset
from dagster_mlflow import mlflow_tracking
from keras.optimizers import Adam
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split
from tensorflow.keras import Model

from mlops_itba_tp.recommender_system.assets.recommenderer.model_helper import get_model

mlflow = mlflow_tracking.configured(
    {
        "experiment_name": "recommender-system-I",
        "mlflow_tracking_uri": os.environ.get("MLFLOW_TRACKING_URI", "http://127.0.0.1:8887"),
    }
)


@multi_asset(
    ins={"upstream": AssetIn("training_data")},
    outs={"preprocessed_training_data": AssetOut(), "user_to_idx": AssetOut(), "movie_to_idx": AssetOut()},
)
def preprocess_data(context, upstream: pd.DataFrame) -> Tuple[pd.DataFrame, Dict, Dict]:
    context.log.info("Running 'preprocess_data'")
    training_data = upstream
    user_to_idx: Dict = {o: i + 1 for i, o in enumerate(training_data.user_id.unique())}
    movie_to_idx: Dict = {o: i + 1 for i, o in enumerate(training_data.movie_id.unique())}
    training_data["encoded_user_id"] = training_data.user_id.apply(lambda x: user_to_idx[x])
    training_data["encoded_movie_id"] = training_data.movie_id.apply(lambda x: movie_to_idx[x])
    return training_data.copy(), user_to_idx, movie_to_idx


@multi_asset(
    ins={"preprocessed_training_data": AssetIn()},
    outs={"x_train": AssetOut(), "x_test": AssetOut(), "y_train": AssetOut(), "y_test": AssetOut()},
)
def split_data(context, preprocessed_training_data: pd.DataFrame):
    context.log.info("Running 'split_data'")
    x_train, x_test, y_train, y_test = train_test_split(
        preprocessed_training_data[["encoded_user_id", "encoded_movie_id"]],
        preprocessed_training_data[["rating"]],
        test_size=0.10,
        random_state=42,
    )
    return x_train, x_test, y_train, y_test


@asset(
    resource_defs={"mlflow": mlflow},
    ins={"x_train": AssetIn(), "y_train": AssetIn(), "user_to_idx": AssetIn(), "movie_to_idx": AssetIn()},
    config_schema={"batch_size": Int, "epochs": Int, "learning_rate": Float, "embeddings_dim": Int},
)
def keras_dot_product_model(context, x_train, y_train, user_to_idx, movie_to_idx) -> Model:
    _mlflow = context.resources.mlflow
    _mlflow.log_params(context.op_config)

    model = get_model(len(movie_to_idx), len(user_to_idx), context.op_config["embeddings_dim"])
    model.compile(Adam(learning_rate=context.op_config["learning_rate"]), "mean_squared_error")

    history = model.fit(
        [x_train.encoded_user_id, x_train.encoded_movie_id],
        y_train.rating,
        batch_size=context.op_config["batch_size"],
        epochs=context.op_config["epochs"],
        verbose=1,
    )
    for i, loss in enumerate(history.history["loss"]):
        _mlflow.log_metric("mse", loss, i)
    return model


@asset(resource_defs={"mlflow": mlflow}, ins={"keras_dot_product_model": AssetIn()}, name="model_data")
def log_model(context, keras_dot_product_model: Model) -> Dict:
    _mlflow = context.resources.mlflow
    logged_model = _mlflow.tensorflow.log_model(
        keras_dot_product_model,
        "keras_dot_product_model",
        registered_model_name="keras_dot_product_model",
        input_example=[np.array([1, 2]), np.array([2, 3])],
    )
    return {"model_uri": logged_model.model_uri, "run_id": logged_model.run_id}


@asset(resource_defs={"mlflow": mlflow}, ins={"model_data": AssetIn(), "x_test": AssetIn(), "y_test": AssetIn()})
def evaluate_model(context, model_data, x_test, y_test) -> None:
    _mlflow = context.resources.mlflow
    loaded_model = _mlflow.pyfunc.load_model(model_data["model_uri"])
    y_pred = loaded_model.predict([x_test.encoded_user_id, x_test.encoded_movie_id])
    mse = mean_squared_error(y_pred.reshape(-1), y_test.rating.values)
    _mlflow.log_metrics({"test_mse": mse, "test_rmse": mse ** 0.5})
