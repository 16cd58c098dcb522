# %%
import numpy as np
import pandas as pd
import xgboost as xgb
import mlflow
from prefect import flow, task

# %%
mlflow.xgboost.autolog()

mlflow.set_tracking_uri("http://127.0.0.1:5000")
mlflow.set_experiment("gibaexp")


# %%
@task
def load_dset():
    BASE = "../datasets/godaddy-microbusiness-density-forecasting/"
    train = pd.read_csv(BASE + "train.csv")
    test = pd.read_csv(BASE + "test.csv")
    print(train.shape, test.shape)
    return train, test


# %%
@task
def proc_dset(train, test):
    train["istest"] = 0
    test["istest"] = 1
    raw = pd.concat((train, test)).sort_values("row_id").reset_index(drop=True)
    raw["first_day_of_month"] = pd.to_datetime(raw["first_day_of_month"])
    raw["dcount"] = raw.groupby(["cfips", "istest"])["row_id"].cumcount()
    for lag in range(1, 36):
        raw[f"mbd_lag_{lag}"] = raw.groupby("cfips")["microbusiness_density"].shift(lag).bfill()
    return raw


def smape(y_true, y_pred):
    num = np.abs(y_true - y_pred)
    dem = (np.abs(y_true) + np.abs(y_pred)) / 2
    return 100 * np.mean(np.divide(num, dem, out=np.zeros_like(num), where=dem != 0))


# %%
@task
def train_model(raw):
    features = list(raw.columns[13:])
    print(features)
    with mlflow.start_run(run_name="Runconfig0"):
        mlflow.set_tag("model", "xgboost")
        model = xgb.XGBRegressor(
            tree_method="hist",
            n_estimators=2000,
            learning_rate=0.025,
            max_leaves=255,
            subsample=0.60,
            colsample_bytree=0.90,
            eval_metric=smape,
            early_stopping_rounds=50,
        )
        train_indices = (raw.istest == 0) & (raw.dcount != 38)
        valid_indices = (raw.istest == 0) & (raw.dcount == 38)
        model.fit(
            raw.loc[train_indices, features],
            raw.loc[train_indices, "microbusiness_density"],
            eval_set=[(raw.loc[valid_indices, features], raw.loc[valid_indices, "microbusiness_density"])],
            verbose=50,
        )
        mlflow.log_metric("rmse", model.evals_result()["validation_0"]["smape"][-1])
        mlflow.xgboost.log_model(xgb_model=model, artifact_path="xgboost-model", registered_model_name="xgboost-model")

        test_indices = raw.istest == 1
        raw.loc[test_indices, "microbusiness_density"] = model.predict(raw.loc[test_indices, features])


# %%
@task
def make_preds(raw):
    test = raw.loc[raw.istest == 1, ["row_id", "microbusiness_density"]].copy()
    test.to_csv("submission.csv", index=False)


# %%
@flow
def main():
    train, test = load_dset()
    raw = proc_dset(train, test)
    train_model(raw)
    make_preds(raw)


from prefect.deployments import Deployment
from prefect.orion.schemas.schedules import IntervalSchedule
from datetime import timedelta

deployment = Deployment.build_from_flow(
    flow=main,
    name="model_training",
    schedule=IntervalSchedule(interval=timedelta(minutes=5)),
    work_queue_name="ml",
)

deployment.apply()
