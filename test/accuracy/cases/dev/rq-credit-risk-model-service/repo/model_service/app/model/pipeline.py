import os
import json
import pandas as pd
import numpy as np
import cloudpickle

BASE_DIR = "/app/artifacts"

PREPROCESSOR_PATH = os.path.join(BASE_DIR, "preprocessing_pipeline.joblib")
MODEL_PATH = os.path.join(BASE_DIR, "model_stack_prod.pkl")
META_PATH = os.path.join(BASE_DIR, "model_metadata.json")

_preprocessor = None
_model = None
_threshold = None


def init_model():
    """Load the preprocessing pipeline, the model and the threshold once."""
    global _preprocessor, _model, _threshold

    if _preprocessor is not None and _model is not None:
        return _preprocessor, _model

    if not os.path.exists(PREPROCESSOR_PATH):
        raise FileNotFoundError(f"Preprocessor not found: {PREPROCESSOR_PATH}")

    print("Loading preprocessing pipeline...")
    with open(PREPROCESSOR_PATH, "rb") as f:
        _preprocessor = cloudpickle.load(f)

    if not os.path.exists(MODEL_PATH):
        raise FileNotFoundError(f"Model file not found: {MODEL_PATH}")

    print("Loading LightGBM model...")
    with open(MODEL_PATH, "rb") as f:
        _model = cloudpickle.load(f)

    if os.path.exists(META_PATH):
        with open(META_PATH, "r") as f:
            metadata = json.load(f)
        _threshold = metadata.get("best_threshold", 0.5)
    else:
        _threshold = 0.5

    print(f"Threshold: {_threshold}")

    return _preprocessor, _model


def predict_single(features: dict):
    preprocessor, model = init_model()

    X_raw = pd.DataFrame([features])

    X_processed = preprocessor.transform(X_raw)

    proba = float(model.predict_proba(X_processed)[0, 1])

    if not np.isfinite(proba):
        proba = 0.0

    pred = int(proba >= _threshold)

    return {
        "probability": proba,
        "prediction": pred,
        "threshold_used": _threshold,
    }


def predict_batch(batch: list):
    results = []
    for row in batch:
        results.append(predict_single(row))
    return results
