import os

import joblib
import pandas as pd

MODELS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../models")


def name_category_features() -> list:
    return ["OperatingSystems", "Browser", "Region", "TrafficType", "VisitorType", "Weekend"]


def load_train_data() -> pd.DataFrame:
    return pd.read_csv(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../data/processed/train.csv"))


def save_model(model, name_file: str) -> None:
    joblib.dump(model, os.path.join(MODELS, f"{name_file}.joblib"))


def load_model(name_file: str):
    return joblib.load(os.path.join(MODELS, f"{name_file}.joblib"))
