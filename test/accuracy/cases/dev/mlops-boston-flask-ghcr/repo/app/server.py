# app/server.py
import json
import os
from pathlib import Path
from datetime import datetime

import joblib
import numpy as np
import pandas as pd
from flask import Flask, request, jsonify

ROOT = Path(__file__).resolve().parents[1]
MODELS_DIR = ROOT / "models"
LOGS_DIR = ROOT / "logs"

BEST_MODEL_PATH = MODELS_DIR / "best_model.pkl"
PREPROCESSOR_PATH = MODELS_DIR / "preprocessor.pkl"
SCHEMA_PATH = MODELS_DIR / "schema.json"
PRED_LOG_PATH = LOGS_DIR / "predictions.csv"

app = Flask(__name__)

_model = None
_preprocessor = None
_schema = None


def _load_artifacts():
    """Loads model, preprocessor and schema on the first request or on /health."""
    global _model, _preprocessor, _schema
    if _model is None:
        if not BEST_MODEL_PATH.exists():
            raise FileNotFoundError(f"model not found at {BEST_MODEL_PATH}")
        _model = joblib.load(BEST_MODEL_PATH)
    if _preprocessor is None:
        if not PREPROCESSOR_PATH.exists():
            raise FileNotFoundError(f"preprocessor not found at {PREPROCESSOR_PATH}")
        _preprocessor = joblib.load(PREPROCESSOR_PATH)
    if _schema is None:
        if SCHEMA_PATH.exists():
            _schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        else:
            _schema = {}


def _coerce_and_align(payload: dict) -> pd.DataFrame:
    """Aligns the payload on the schema; unknown keys are dropped, missing ones become NaN."""
    if not isinstance(payload, dict):
        raise ValueError("the body must be a JSON object of features")
    df = pd.DataFrame([payload])
    feature_order = None
    if isinstance(_schema, dict):
        feature_order = _schema.get("features") or _schema.get("feature_order")
    if feature_order:
        cols_known = [c for c in feature_order if c in df.columns]
        cols_missing = [c for c in feature_order if c not in df.columns]
        df = df[cols_known].copy()
        for c in cols_missing:
            df[c] = np.nan
        df = df[feature_order]
    if isinstance(_schema, dict) and "dtypes" in _schema:
        for col, kind in _schema["dtypes"].items():
            if col not in df.columns:
                continue
            try:
                if kind in ("float", "float64", "int", "int64"):
                    df[col] = pd.to_numeric(df[col], errors="coerce")
                else:
                    df[col] = df[col].astype("object")
            except Exception:
                pass
    return df


def _log_prediction(df_features: pd.DataFrame, pred: float):
    """Appends the features and the prediction to logs/predictions.csv (used for drift)."""
    LOGS_DIR.mkdir(exist_ok=True)
    row = df_features.copy()
    row["__pred"] = float(pred)
    row["__ts"] = datetime.utcnow().isoformat() + "Z"
    header = not PRED_LOG_PATH.exists()
    row.to_csv(PRED_LOG_PATH, mode="a", header=header, index=False)


@app.route("/health", methods=["GET"])
def health():
    try:
        _load_artifacts()
        return jsonify({
            "status": "ok",
            "best_model": BEST_MODEL_PATH.exists(),
            "preprocessor": PREPROCESSOR_PATH.exists(),
        })
    except Exception as e:
        return jsonify({"status": "error", "detail": str(e)}), 500


@app.route("/predict", methods=["POST"])
def predict():
    try:
        _load_artifacts()

        payload = request.get_json(silent=True)
        if payload is None:
            return jsonify({"error": "the body must be valid JSON"}), 400

        if isinstance(payload, list):
            if len(payload) == 0:
                return jsonify({"error": "empty list"}), 400
            payload = payload[0]

        df = _coerce_and_align(payload)

        X = _preprocessor.transform(df)
        yhat = _model.predict(X)
        pred = float(np.ravel(yhat)[0])

        try:
            _log_prediction(df, pred)
        except Exception as log_err:
            app.logger.warning(f"could not log the prediction: {log_err}")

        return jsonify({"prediction": pred})

    except FileNotFoundError as e:
        return jsonify({"error": str(e)}), 500
    except Exception as e:
        return jsonify({"error": f"inference failed: {str(e)}"}), 500


if __name__ == "__main__":
    # development only; the image runs gunicorn
    app.run(host="0.0.0.0", port=int(os.getenv("PORT", "8000")), debug=True)
