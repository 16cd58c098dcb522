from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

BASE_DIR = Path(__file__).resolve().parents[2]
MODELS_DIR = BASE_DIR / "models"


def _get_latest_model_path() -> Path:
    model_files = sorted(
        MODELS_DIR.glob("best_model_*.joblib"),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    if not model_files:
        raise FileNotFoundError(f"No saved models found in {MODELS_DIR}.")
    return model_files[0]


def load_model(model_path: Path = None) -> Pipeline:
    if model_path is None:
        model_path = _get_latest_model_path()
    print(f"Loading model pipeline from: {model_path}")
    model = joblib.load(model_path)
    if not isinstance(model, Pipeline):
        raise TypeError("Loaded object is not a sklearn Pipeline.")
    return model


def _expected_columns(model: Pipeline):
    ct = model.named_steps["preprocessor"].named_steps["preprocess"]
    cols = set()
    for _, _, c in ct.transformers_:
        if isinstance(c, (list, tuple, np.ndarray, pd.Index)):
            cols.update(list(c))
    return sorted(cols) or None


def _prepare_input_df(data, model: Pipeline) -> pd.DataFrame:
    df = pd.DataFrame([data]) if isinstance(data, dict) else data.copy()
    expected_cols = _expected_columns(model)
    if expected_cols is not None:
        for col in expected_cols:
            if col not in df.columns:
                # missing features -> NaN (imputed later)
                df[col] = np.nan
    return df


def predict_single(input_dict, model: Pipeline = None):
    if model is None:
        model = load_model()
    df = _prepare_input_df(input_dict, model)
    prob = float(model.predict_proba(df)[0][1])
    return {"churn_prediction": "Yes" if prob >= 0.5 else "No", "churn_probability": round(prob, 4)}


def predict_batch(df: pd.DataFrame, model: Pipeline = None) -> pd.DataFrame:
    if model is None:
        model = load_model()
    probs = model.predict_proba(_prepare_input_df(df, model))[:, 1]
    out = df.copy()
    out["churn_probability"] = np.round(probs, 4)
    out["churn_prediction"] = np.where(probs >= 0.5, "Yes", "No")
    return out
