"""Load, split, train, evaluate, save."""
from __future__ import annotations

import json

import joblib
from sklearn.model_selection import train_test_split

from app import evaluate as ev
from app.config import METRICS_PATH, MODEL_PATH, OUTPUT_DIR, RANDOM_STATE, RISK_THRESHOLD, TEST_SIZE
from app.data_loader import load_data
from app.features import split_X_y
from app.model import train_all_models


def run_training(threshold: float = RISK_THRESHOLD, save: bool = True):
    df = load_data()
    X, y = split_X_y(df)

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=TEST_SIZE, stratify=y, random_state=RANDOM_STATE)

    models = train_all_models(X_train, y_train, random_state=RANDOM_STATE)

    # evaluate and pick the best by ROC-AUC
    metrics = ev.evaluate_all(models, X_test, y_test, threshold)
    best_name = next(iter(metrics))
    best_model = models[best_name]

    if save:
        OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
        joblib.dump(best_model, MODEL_PATH)
        payload = {
            "best_model": best_name,
            "decision_threshold": threshold,
            "n_samples": int(len(X)),
            "models": {name: {k: round(v, 4) for k, v in row.items()} for name, row in metrics.items()},
        }
        with open(METRICS_PATH, "w", encoding="utf-8") as f:
            json.dump(payload, f, ensure_ascii=False, indent=2)

    return best_name, metrics, best_model, (X_test, y_test)
