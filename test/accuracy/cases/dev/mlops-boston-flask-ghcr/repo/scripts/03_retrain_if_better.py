#!/usr/bin/env python3
import argparse
import json
from pathlib import Path
from datetime import datetime, timezone

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, GridSearchCV
from sklearn.metrics import mean_squared_error
from sklearn.preprocessing import StandardScaler
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.ensemble import RandomForestRegressor
from joblib import dump

ROOT = Path(__file__).resolve().parents[1]
PROCESSED = ROOT / "data" / "processed" / "housing_clean.csv"
MODELS = ROOT / "models"
BEST_MODEL = MODELS / "best_model.pkl"
PREPROCESSOR = MODELS / "preprocessor.pkl"
METRICS = MODELS / "metrics.json"
META = MODELS / "model_metadata.json"
PROVENANCE = ROOT / "data" / "provenance.json"


def _read_hash(path, key):
    if path.exists():
        try:
            return json.loads(path.read_text(encoding="utf-8")).get(key)
        except Exception:
            return None
    return None


def _current_best_rmse():
    if METRICS.exists():
        try:
            m = json.loads(METRICS.read_text(encoding="utf-8"))
            return float(m["best"]["rmse"])
        except Exception:
            pass
    return float("inf")


def _rmse(y_true, y_pred):
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def _train_models(X_train, y_train, X_test, y_test):
    scores, models = {}, {}

    lr = LinearRegression().fit(X_train, y_train)
    scores["linear_regression"] = _rmse(y_test, lr.predict(X_test))
    models["linear_regression"] = lr

    ridge = GridSearchCV(Ridge(), {"alpha": [0.1, 1.0, 10.0]}, cv=5, n_jobs=-1).fit(X_train, y_train)
    scores["ridge"] = _rmse(y_test, ridge.predict(X_test))
    models["ridge"] = ridge.best_estimator_

    rf = GridSearchCV(
        RandomForestRegressor(random_state=42),
        {"n_estimators": [200, 400], "max_depth": [None, 10]},
        cv=3, n_jobs=-1,
    ).fit(X_train, y_train)
    scores["random_forest"] = _rmse(y_test, rf.predict(X_test))
    models["random_forest"] = rf.best_estimator_

    best_name = min(scores.items(), key=lambda kv: kv[1])[0]
    return scores, best_name, models[best_name]


def main(force=False, test_size=0.2, random_state=42):
    current_hash = _read_hash(PROVENANCE, "sha256")
    if BEST_MODEL.exists() and _read_hash(META, "data_sha256") == current_hash and not force:
        print("data unchanged since the last training; not retraining")
        return

    df = pd.read_csv(PROCESSED)
    target = "MEDV"
    features = [c for c in df.columns if c != target]

    pre = Pipeline([("imputer", SimpleImputer(strategy="median")), ("scaler", StandardScaler())])
    X_proc = pre.fit_transform(df[features])
    X_train, X_test, y_train, y_test = train_test_split(
        X_proc, df[target], test_size=test_size, random_state=random_state
    )

    scores, best_name, best_model = _train_models(X_train, y_train, X_test, y_test)
    new_best_rmse = scores[best_name]
    prev_best_rmse = _current_best_rmse()
    print(f"new RMSE: {new_best_rmse:.4f} | current RMSE: {prev_best_rmse:.4f}")

    if new_best_rmse < prev_best_rmse:
        dump(best_model, BEST_MODEL)
        dump(pre, PREPROCESSOR)
        METRICS.write_text(json.dumps({
            "per_model": scores,
            "best": {"name": best_name, "rmse": new_best_rmse},
            "evaluated_at": datetime.now(timezone.utc).isoformat(),
        }, indent=2), encoding="utf-8")
        META.write_text(json.dumps({"best_model_name": best_name, "data_sha256": current_hash}), encoding="utf-8")
        print("saved as the current best model")
    else:
        print("the new model is not better; kept as a candidate")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()
    main(force=args.force)
