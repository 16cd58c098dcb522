import os

import joblib
import mlflow
import numpy as np
from mlflow import sklearn as mlflow_sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

from preprocessing import load_and_preprocess

MODEL_DIR = "models"
MODEL_PATH = os.path.join(MODEL_DIR, "model.joblib")

os.makedirs(MODEL_DIR, exist_ok=True)

X, y = load_and_preprocess("iris.csv")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=42, stratify=y
)

clf = RandomForestClassifier(n_estimators=100, random_state=42)

with mlflow.start_run() as run:
    clf.fit(X_train, y_train)
    y_pred = clf.predict(X_test)
    y_proba = clf.predict_proba(X_test)

    acc = accuracy_score(y_test, y_pred)
    f1 = f1_score(y_test, y_pred, average="weighted")
    try:
        roc_auc = roc_auc_score(y_test, y_proba, multi_class="ovr", average="weighted")
    except ValueError:
        roc_auc = np.nan

    mlflow.log_metric("accuracy", float(acc))
    mlflow.log_metric("f1_weighted", float(f1))
    mlflow.log_metric("roc_auc_weighted", float(roc_auc))

    mlflow.set_tracking_uri("file:./mlruns")
    mlflow_sklearn.log_model(clf, name="model", registered_model_name="iris-ml")

    joblib.dump(clf, MODEL_PATH)
    print(f"Run ID: {run.info.run_id}, Acc: {acc:.3f}, F1: {f1:.3f}")
