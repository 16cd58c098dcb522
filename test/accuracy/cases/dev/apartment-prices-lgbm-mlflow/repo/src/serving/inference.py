from functools import lru_cache

import yaml
import pandas as pd
import mlflow.xgboost as mlfxgb

import src.data.preprocess as pre


@lru_cache(maxsize=1)
def _load_model(model_uri: str):
    return mlfxgb.load_model(model_uri)


def features_inference_pipeline(df_raw):
    cfg = yaml.safe_load(open("configs/config.yaml"))
    include = cfg.get("feature_selection").get("include")
    df = pre.basic_transformations_depending_on_database(df_raw.copy())
    df = pre.create_building_age(df)
    X = df[include]
    X, _ = pre.to_categorical(X)
    X, _ = pre.to_float64(X)
    return X


def predict(df):
    X = features_inference_pipeline(df)
    try:
        cfg = yaml.safe_load(open("configs/config.yaml"))
        model_uri = cfg["inference"]["model_uri"]
        model = _load_model(model_uri)
    except Exception as e:
        raise RuntimeError(f"Couldn't load model from MLflow ({model_uri}): {e}")

    return model.predict(X).astype(int)
