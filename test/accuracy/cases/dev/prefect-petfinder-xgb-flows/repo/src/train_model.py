from datetime import timedelta

import joblib
import pandas as pd
from omegaconf import DictConfig
from prefect import flow, task
from prefect.tasks import task_input_hash
from sklearn.metrics import accuracy_score
from sqlalchemy import create_engine
from xgboost import XGBClassifier

from helper import load_config


@task(cache_key_fn=task_input_hash, cache_expiration=timedelta(days=1))
def load_data(config: DictConfig):
    conn = config.connection
    engine = create_engine(f"postgresql://{conn.user}:{conn.password}@{conn.host}/{conn.database}")
    data = {}
    for name in ["X_train", "y_train", "X_valid", "y_valid"]:
        data[name] = pd.read_sql(f'SELECT * FROM "{name}"', con=engine)
    return data


@task
def train_model(config: DictConfig, data: dict):
    clf = XGBClassifier(**dict(config.params))
    clf.fit(data["X_train"], data["y_train"])
    return clf


@task
def evaluate_model(data: dict, model: XGBClassifier):
    score = accuracy_score(data["y_valid"], model.predict(data["X_valid"]))
    print(f"The accuracy score is {score}")


@task
def save_model(config: DictConfig, model: XGBClassifier):
    joblib.dump(model, config.model.dir + config.model.save_path)


@flow
def train():
    config = load_config()
    data = load_data(config)
    clf = train_model(config, data)
    evaluate_model(data, clf)
    save_model(config, clf)


if __name__ == "__main__":
    train()
