#!/usr/bin/env python
# coding: utf-8

import argparse
import os

import numpy as np
import pandas as pd
from fastai.vision.all import *
from prefect import flow, get_run_logger, task
from prefect.task_runners import SequentialTaskRunner
from sklearn.metrics import accuracy_score

import mlflow

# goal: predict a new batch of data and store the predictions for analysis


@task
def store_predictions(df, y_pred, output_file, y=None):
    """stores predictions (and labels when present) to output_file as parquet"""
    logger = get_run_logger()
    df_result = pd.DataFrame()
    df_result["fname"] = df["fname"]
    df_result["y_pred"] = y_pred
    if y is not None:
        df_result["label"] = y

    logger.info(f"storing predictions to file {output_file}")
    df_result.to_parquet(output_file, engine="pyarrow", compression=None, index=False)
    logger.info(f"size of saved data: {os.path.getsize(output_file) / 1000000}")


@task
def preprocess_data(df, metadata):
    """add the label column and copy path to fname, as in training"""
    df_lego = pd.merge(df, metadata["minifigure_name"], on="class_id")
    df_lego["labels"] = df_lego["minifigure_name"].apply(lambda x: x.lower())
    df_lego["fname"] = df_lego.path
    # HOTFIX why needed to remove path containing my user name?
    df_lego["fname"] = df_lego["fname"]

    return df_lego


@task
def get_data(data_path):
    """loads the csv and its metadata from data_path"""
    logger = get_run_logger()
    logger.info(f"loading data from file path: {data_path}")
    df = pd.read_csv(data_path, encoding="utf8")
    lego_metadata = pd.read_csv(
        os.path.join(os.path.dirname(data_path), "metadata.csv"), index_col=0
    )
    df_lego = preprocess_data(df, lego_metadata)
    return df_lego


@task
def get_learner(model_run, tracking_server):
    """get model from mlflow model registry"""
    logger = get_run_logger()
    logger.info(
        f"loading model from file {model_run} and uri http://{tracking_server}:80"
    )
    mlflow.set_tracking_uri(f"http://{tracking_server}:80")
    learn = mlflow.pyfunc.load_model(
        model_run, dst_path=os.path.dirname(os.path.abspath(__file__))
    )
    return learn


@task
def make_predictions(learn, df):
    """predict with the learner"""
    y_probs = learn.predict(df)
    y_pred = np.array([np.argmax(i) for sample in np.array(y_probs) for i in sample])
    return np.array(y_pred), np.array(df["class_id"])


@task
def calculate_metrics(y_pred, y):
    """metrics are not stored at the moment"""
    logger = get_run_logger()
    accuracy = accuracy_score(y, y_pred)
    logger.info(f"accuracy {accuracy}")


@flow(task_runner=SequentialTaskRunner())
def run(data_path, model_run, tracking_server, output_file):
    """load model and data, predict and store the result"""
    logger = get_run_logger()
    logger.info("get data")
    df_lego = get_data(data_path)
    logger.info("get model")
    learner = get_learner(model_run, tracking_server)
    logger.info("make predictions")
    y_pred, y = make_predictions(learner, df_lego)
    logger.info("calculate metrics")
    if y is not None:
        calculate_metrics(y_pred, y)
    logger.info("store predictions")
    store_predictions(df_lego, y_pred, output_file, y)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description="prediction of values for production test,"
        + "data will be loaded from data root path used during model training"
    )
    parser.add_argument(
        "--data_path",
        type=str,
        help="path to csv of data to predict",
        default="/home/ubuntu/mlops_zoomcamp_homework/06_project/data/test.csv",
    )
    parser.add_argument(
        "--model_run",
        type=str,
        help="run of model from mlflow model registry ",
        default="runs:/5e8554e66b654f54ae52a7aeb9ff8b0d/model",
    )
    parser.add_argument(
        "--output_file",
        type=str,
        help="path of parquet file to store predictions",
        default="/home/ubuntu/mlops_zoomcamp_homework/06_project/outputs/batch_predictions.parquet",
    )
    parser.add_argument(
        "--tracking_server",
        type=str,
        help="mlflow tracking server host",
        default="localhost",
    )
    args = parser.parse_args()

    # HOTFIX TODO remove
    args.tracking_server = os.getenv("TRACKING_SERVER_HOST")
    args.output_file = (
        "s3://" + os.getenv("MLFLOW_BUCKET_NAME") + "/batch_prediction.parquet"
    )

    run(args.data_path, args.model_run, args.tracking_server, args.output_file)
