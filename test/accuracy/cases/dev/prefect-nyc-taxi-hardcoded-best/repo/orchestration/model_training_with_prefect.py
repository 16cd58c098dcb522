from pathlib import Path

import mlflow
import pandas as pd
import pickle
import xgboost as xgb
from hyperopt import STATUS_OK, Trials, fmin, hp, tpe
from hyperopt.pyll import scope
from prefect import flow, task
from prefect.task_runners import SequentialTaskRunner
from sklearn.feature_extraction import DictVectorizer
from sklearn.metrics import mean_squared_error


@task
def read_dataframe(filename: Path) -> pd.DataFrame:
    df = pd.read_parquet(filename)
    df["duration"] = (df.lpep_dropoff_datetime - df.lpep_pickup_datetime).dt.total_seconds() / 60
    df = df[(df.duration >= 1) & (df.duration <= 68)]
    df[["PULocationID", "DOLocationID"]] = df[["PULocationID", "DOLocationID"]].astype(str)
    return df


@task
def add_features(df_train: pd.DataFrame, df_val: pd.DataFrame):
    df_train["PU_DO"] = df_train["PULocationID"] + "_" + df_train["DOLocationID"]
    df_val["PU_DO"] = df_val["PULocationID"] + "_" + df_train["DOLocationID"]

    columns = ["PU_DO", "trip_distance"]
    dv = DictVectorizer()
    X_train = dv.fit_transform(df_train[columns].to_dict(orient="records"))
    X_val = dv.transform(df_val[columns].to_dict(orient="records"))
    return X_train, X_val, df_train["duration"].values, df_val["duration"].values, dv


@task
def train_model_search(train, valid, y_val):
    def objective(params):
        with mlflow.start_run():
            mlflow.log_params(params)
            booster = xgb.train(params=params, dtrain=train, num_boost_round=1000, evals=[(valid, "validation")], early_stopping_rounds=50)
            rmse = mean_squared_error(y_val, booster.predict(valid), squared=False)
            mlflow.log_metric("rmse", rmse)
        return {"loss": rmse, "status": STATUS_OK}

    search_space = {
        "max_depth": scope.int(hp.quniform("max_depth", 4, 100, 1)),
        "learning_rate": hp.loguniform("learning_rate", -3, 0),
        "objective": "reg:linear",
        "seed": 42,
    }
    return fmin(fn=objective, space=search_space, algo=tpe.suggest, max_evals=1, trials=Trials())


@task
def train_best_model(train, valid, y_val, dv):
    with mlflow.start_run():
        best_params = {
            "learning_rate": 0.15615748360138743,
            "max_depth": 4,
            "min_child_weight": 2.350889641981104,
            "objective": "reg:linear",
            "seed": 42,
        }
        mlflow.log_params(best_params)

        booster = xgb.train(params=best_params, dtrain=train, num_boost_round=1000, evals=[(valid, "validation")], early_stopping_rounds=50)

        rmse = mean_squared_error(y_val, booster.predict(valid), squared=False)
        mlflow.log_metric("rmse", rmse)

        with open("models/preprocessor.b", "wb") as fp:
            pickle.dump(dv, fp)
        mlflow.log_artifact("models/preprocessor.b", artifact_path="preprocessor")
        mlflow.xgboost.log_model(booster, artifact_path="models_mlflow")


@flow(task_runner=SequentialTaskRunner())
def main(
    train_path: Path = Path("/disk/nyc_taxi/dataset/green_tripdata_2022-01.parquet"),
    val_path: Path = Path("/disk/nyc_taxi/dataset/green_tripdata_2022-02.parquet"),
):
    mlflow.set_tracking_uri("http://ec2-18-116-100-14.us-east-2.compute.amazonaws.com:5000")
    mlflow.set_experiment("nyc-taxi-experiment")

    df_train = read_dataframe(train_path)
    df_val = read_dataframe(val_path)
    X_train, X_val, y_train, y_val, dv = add_features(df_train, df_val).result()

    train = xgb.DMatrix(X_train, label=y_train)
    valid = xgb.DMatrix(X_val, label=y_val)

    train_model_search(train, valid, y_val)
    train_best_model(train, valid, y_val, dv)
