#!/usr/bin/env python
# coding: utf-8

# goal: predict a new batch of data and store the predictions for analysis
import pandas as pd
import numpy as np
import os
import argparse
from fastai.vision.all import *
from sklearn.metrics import accuracy_score
import mlflow


def store_predictions(df, y_pred, output_file, y=None):
    df_result = pd.DataFrame()
    df_result['fname'] = df['fname']
    df_result['y_pred'] = y_pred
    if y is not None:
        df_result['label'] = y

    print(f"storing predictions to file {output_file}")
    df_result.to_parquet(
        output_file,
        engine='pyarrow',
        compression=None,
        index=False
    )
    print(f"size of saved data: {os.path.getsize(output_file) / 1000000}")


def preprocess_data(df, metadata):
    df_lego = pd.merge(df, metadata['minifigure_name'], on='class_id')
    df_lego['labels'] = df_lego['minifigure_name'].apply(lambda x: x.lower())
    df_lego['fname'] = df_lego.path
    return df_lego


def get_data(data_path):
    print(f"loading data from file path: {data_path}")
    df = pd.read_csv(data_path, encoding="utf8")
    lego_metadata = pd.read_csv(os.path.join(os.path.dirname(data_path), 'metadata.csv'), index_col=0)
    df_lego = preprocess_data(df, lego_metadata)
    return df_lego


def get_learner(model_run, tracking_server):
    print(f"loading model from file {model_run} and uri http://{tracking_server}:80")
    mlflow.set_tracking_uri(f"http://{tracking_server}:80")
    learn = mlflow.pyfunc.load_model(model_run, dst_path=os.path.dirname(os.path.abspath(__file__)))
    return learn


def make_predictions(learn, df):
    y_probs = learn.predict(df)
    y_pred = np.array([np.argmax(i) for sample in np.array(y_probs) for i in sample])
    return np.array(y_pred), np.array(df["class_id"])


def calculate_metrics(y_pred, y):
    accuracy = accuracy_score(y, y_pred)
    print(f"accuracy {accuracy}")


def run(args):
    df_lego = get_data(args.data_path)
    learner = get_learner(args.model_run, args.tracking_server)
    y_pred, y = make_predictions(learner, df_lego)
    if y is not None:
        calculate_metrics(y_pred, y)
    store_predictions(df_lego, y_pred, args.output_file, y)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description='prediction of values for production test')
    parser.add_argument('--data_path', type=str, help='path to csv of data to predict',
        default="/home/ubuntu/mlops_zoomcamp_homework/06_project/data/test.csv")
    parser.add_argument('--model_run', type=str, help='run of model from mlflow model registry ',
        default="runs:/5e8554e66b654f54ae52a7aeb9ff8b0d/model")
    parser.add_argument('--output_file', type=str, help='path of parquet file to store predictions',
        default="/home/ubuntu/mlops_zoomcamp_homework/06_project/outputs/batch_predictions.parquet")
    parser.add_argument('--tracking_server', type=str, help='mlflow tracking server host',
        default="localhost")
    args = parser.parse_args()

    # HOTFIX
    args.tracking_server = os.getenv("TRACKING_SERVER_HOST")
    args.output_file = "s3://" + os.getenv("MLFLOW_BUCKET_NAME") + "/batch_prediction.parquet"

    run(args)
