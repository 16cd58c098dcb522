import json
import os
import time
from datetime import datetime
from typing import List

import fire
import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

np.random.seed(42)

LABEL: str = "target"
NUMERIC_FEATURES: List[str] = ["age", "trestbps", "chol", "fbs", "thalach", "exang", "oldpeak"]
CATEGORICAL_FEATURES: List[str] = ["sex", "cp", "restecg", "ca", "slope", "thal"]


def create_pipeline(categorical_features, numeric_features) -> Pipeline:
    numeric_transformer = Pipeline(
        steps=[("imputer", SimpleImputer(strategy="median")), ("scaler", StandardScaler())]
    )
    categorical_transformer = Pipeline(
        steps=[("imputer", SimpleImputer(strategy="constant")), ("onehot", OneHotEncoder(handle_unknown="ignore"))]
    )
    preprocessor = ColumnTransformer(
        transformers=[
            ("num", numeric_transformer, numeric_features),
            ("cat", categorical_transformer, categorical_features),
        ]
    )
    return Pipeline(steps=[("preprocessor", preprocessor), ("classifier", LogisticRegression())])


def train(
    path: str,
    model_path: str = os.getenv("MODEL_PATH", "data/pipeline.pkl"),
    metrics_path: str = os.getenv("METRICS_PATH", "data/metrics.json"),
    test_size: float = 0.2,
    dump: bool = True,
) -> None:
    start = time.time()
    df = pd.read_csv(path)

    features = df[[*CATEGORICAL_FEATURES, *NUMERIC_FEATURES]]
    target = df[LABEL]

    tx, vx, ty, vy = train_test_split(features, target, test_size=test_size)

    model = create_pipeline(CATEGORICAL_FEATURES, NUMERIC_FEATURES)
    model.fit(tx, ty)
    end = time.time()

    acc = accuracy_score(model.predict(tx), ty) * 100
    val_acc = accuracy_score(model.predict(vx), vy) * 100
    roc_auc = roc_auc_score(vy, model.predict_proba(vx)[:, -1])

    print(f"Training accuracy: {acc:.2f}%")
    print(f"Validation accuracy: {val_acc:.2f}%")

    metrics = dict(elapsed=end - start, acc=acc, val_acc=val_acc, roc_auc=roc_auc,
                   timestamp=datetime.now().isoformat())

    if dump:
        joblib.dump(model, model_path)
        json.dump(metrics, open(metrics_path, "w"))


if __name__ == "__main__":
    fire.Fire(train)
