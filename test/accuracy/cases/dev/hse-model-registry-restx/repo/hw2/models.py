import os
import time
import yaml
import numpy as np
import pandas as pd

from sqlalchemy import create_engine
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler
from xgboost import XGBClassifier
from sklearn.linear_model import LogisticRegression

if os.environ.get("RUNTIME_DOCKER", False):
    PG_USER = os.environ["POSTGRES_USER"]
    PG_PASSWORD = os.environ["POSTGRES_PASSWORD"]
    PG_HOST = os.environ["POSTGRES_HOST"]
else:
    with open("config.yaml") as f:
        config = yaml.safe_load(f)
    PG_USER = config["POSTGRES_USER"]
    PG_PASSWORD = config["POSTGRES_PASSWORD"]
    PG_HOST = config["POSTGRES_HOST"]

CONN_STRING = f"postgresql+psycopg2://{PG_USER}:{PG_PASSWORD}@{PG_HOST}:5432/wine"


class ModelInternalError(Exception):
    def __init__(self, message="Something went wrong"):
        self.message = message
        super().__init__(self.message)


class Model:
    def __init__(self, model_type, model_args={}, random_seed=42):
        np.random.seed(random_seed)
        self.is_trained = False
        try:
            engine = create_engine(CONN_STRING)
            data = pd.read_sql_query("SELECT * FROM public.dataset;", engine)
            engine.dispose()
        except Exception as e:
            raise ModelInternalError(message=f"Could not load data: {repr(e)}")

        self.x_train, self.x_test, self.y_train, self.y_test = train_test_split(
            data.drop(columns=["quality"]), data.quality, test_size=0.2
        )
        self.scaler = MinMaxScaler()
        self.x_train = self.scaler.fit_transform(self.x_train)
        self.x_test = self.scaler.transform(self.x_test)

        if model_type == "xgboost":
            self.model = XGBClassifier(**model_args)
        elif model_type == "logreg":
            self.model = LogisticRegression(**model_args)
        else:
            raise ModelInternalError(message=f"Unknown model type {model_type}")

    def train(self):
        start = time.time()
        self.model.fit(self.x_train, self.y_train)
        self.is_trained = True
        return f"Trained in {round(time.time() - start, 3)} seconds"

    def predict(self, input_dict):
        if not self.is_trained:
            raise ModelInternalError(message="Model is not trained!")
        try:
            return int(self.model.predict(self.scaler.transform(pd.json_normalize(input_dict)))[0])
        except Exception as e:
            raise ModelInternalError(message=f"Problem while predicting: {repr(e)}")

    def score(self):
        return {
            "train_accuracy": self.model.score(self.x_train, self.y_train),
            "validation_accuracy": self.model.score(self.x_test, self.y_test),
        }
