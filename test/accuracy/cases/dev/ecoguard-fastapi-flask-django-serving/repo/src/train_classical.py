from __future__ import annotations

import os
import time
from pathlib import Path

import joblib
import mlflow
import mlflow.sklearn
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier, StackingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_PATH = PROJECT_ROOT / "data" / "processed" / "dataset_processed.csv"
ARTIFACTS_DIR = PROJECT_ROOT / "artifacts"
ARTIFACTS_DIR.mkdir(exist_ok=True)

EXPERIMENT_NAME = "ecoguard-lite-phase1"

TRACKING_URI = os.getenv("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000")
mlflow.set_tracking_uri(TRACKING_URI)


def evaluate_classification(y_true, y_pred) -> dict:
    return {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "f1_macro": float(f1_score(y_true, y_pred, average="macro", zero_division=0)),
    }


def main() -> None:
    if not DATA_PATH.exists():
        raise FileNotFoundError(f"Missing processed dataset: {DATA_PATH}. Run preprocessing first.")

    df = pd.read_csv(DATA_PATH)

    y_cls = df["y_cls"].astype(int)
    X = df.drop(columns=["y_cls", "y_reg"])

    preprocessor = ColumnTransformer(
        transformers=[
            (
                "num",
                Pipeline(steps=[("imputer", SimpleImputer(strategy="median")), ("scaler", StandardScaler())]),
                list(X.columns),
            )
        ],
        remainder="drop",
    )

    X_train, X_test, y_train, y_test = train_test_split(
        X, y_cls, test_size=0.2, random_state=42, stratify=y_cls
    )

    mlflow.set_experiment(EXPERIMENT_NAME)

    cls_models = {
        "logreg": LogisticRegression(max_iter=2000),
        "svm_rbf": SVC(kernel="rbf", probability=True),
        "rf": RandomForestClassifier(n_estimators=250, random_state=42),
    }

    cls_models["stacking"] = StackingClassifier(
        estimators=[
            ("lr", LogisticRegression(max_iter=2000)),
            ("rf", RandomForestClassifier(n_estimators=200, random_state=42)),
        ],
        final_estimator=LogisticRegression(max_iter=2000),
        passthrough=False,
    )

    best_cls_name = None
    best_f1 = -1.0
    best_cls_pipeline = None

    for name, model in cls_models.items():
        with mlflow.start_run(run_name=f"classification_{name}"):
            pipe = Pipeline([("preprocess", preprocessor), ("model", model)])

            mlflow.log_param("task", "classification")
            mlflow.log_param("model_name", name)

            start = time.time()
            pipe.fit(X_train, y_train)
            fit_ms = int((time.time() - start) * 1000)

            y_pred = pipe.predict(X_test)
            metrics = evaluate_classification(y_test, y_pred)
            metrics["fit_ms"] = fit_ms
            mlflow.log_metrics(metrics)

            cm = confusion_matrix(y_test, y_pred)
            (ARTIFACTS_DIR / f"cm_{name}.txt").write_text(np.array2string(cm), encoding="utf-8")

            if metrics["f1_macro"] > best_f1:
                best_f1 = metrics["f1_macro"]
                best_cls_name = name
                best_cls_pipeline = pipe

    if best_cls_pipeline is None:
        raise RuntimeError("No classification model trained?")

    best_cls_path = ARTIFACTS_DIR / "best_classifier.joblib"
    joblib.dump(best_cls_pipeline, best_cls_path)

    with mlflow.start_run(run_name=f"classification_best_{best_cls_name}"):
        mlflow.log_param("best_model_name", best_cls_name)
        mlflow.log_metric("best_f1_macro", float(best_f1))
        mlflow.sklearn.log_model(best_cls_pipeline, artifact_path="model")
        mlflow.log_artifact(str(best_cls_path))

    print("Training done.")
    print(f"Best classifier: {best_cls_name} (F1_macro={best_f1:.4f}) saved to {best_cls_path}")


if __name__ == "__main__":
    main()
