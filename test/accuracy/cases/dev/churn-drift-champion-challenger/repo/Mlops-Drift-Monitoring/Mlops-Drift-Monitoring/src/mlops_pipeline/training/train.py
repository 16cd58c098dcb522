"""Training: model selection by cross-validation, full MLflow tracking and registry registration."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import mlflow
import numpy as np
import pandas as pd
from mlflow.models import infer_signature
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from mlops_pipeline import registry
from mlops_pipeline.config import CandidateConfig, Settings
from mlops_pipeline.schema import CATEGORICAL_FEATURES, FEATURES, NUMERIC_FEATURES, TARGET

log = logging.getLogger(__name__)

ESTIMATORS = {
    "logistic_regression": LogisticRegression,
    "random_forest": RandomForestClassifier,
    "hist_gradient_boosting": HistGradientBoostingClassifier,
}


def build_pipeline(candidate: CandidateConfig, seed: int = 42) -> Pipeline:
    """Preprocessing + estimator in ONE sklearn Pipeline, so serving can never drift from training."""
    pre = ColumnTransformer(
        [
            ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]),
             NUMERIC_FEATURES),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL_FEATURES),
        ]
    )
    params = dict(candidate.params)
    cls = ESTIMATORS[candidate.name]
    if "random_state" in cls().get_params():
        params.setdefault("random_state", seed)
    return Pipeline([("preprocess", pre), ("model", cls(**params))])


def classification_metrics(y_true, proba, threshold: float = 0.5) -> dict[str, float]:
    pred = (np.asarray(proba) >= threshold).astype(int)
    return {
        "roc_auc": float(roc_auc_score(y_true, proba)),
        "avg_precision": float(average_precision_score(y_true, proba)),
        "f1": float(f1_score(y_true, pred)),
    }


def data_fingerprint(df: pd.DataFrame) -> str:
    """Stable content hash of a dataframe (lineage: which data produced which model)."""
    import hashlib

    h = pd.util.hash_pandas_object(df.reset_index(drop=True), index=False).values
    return hashlib.sha256(h.tobytes()).hexdigest()[:16]


def train(settings: Settings, df: pd.DataFrame, *, trigger: str = "initial", seed: int | None = None):
    """Train every candidate, pick the best by CV ROC-AUC, evaluate on a hold-out and register it."""
    seed = settings.data.seed if seed is None else seed
    registry.configure_mlflow(settings)

    X, y = df[FEATURES], df[TARGET]
    X_tr, X_te, y_tr, y_te = train_test_split(
        X, y, test_size=settings.data.test_size, stratify=y, random_state=seed
    )
    cv = StratifiedKFold(n_splits=settings.training.cv_folds, shuffle=True, random_state=seed)
    data_hash = data_fingerprint(df)

    with mlflow.start_run(run_name=f"train-{trigger}") as parent:
        mlflow.set_tags({"trigger": trigger, "data_hash": data_hash})
        mlflow.log_params({"n_rows": len(df), "seed": seed, "cv_folds": settings.training.cv_folds})

        cv_scores: dict[str, float] = {}
        for cand in settings.training.candidates:
            with mlflow.start_run(run_name=cand.name, nested=True):
                pipe = build_pipeline(cand, seed)
                scores = cross_val_score(pipe, X_tr, y_tr, cv=cv, scoring="roc_auc")
                cv_scores[cand.name] = float(scores.mean())
                mlflow.log_params({f"param_{k}": v for k, v in cand.params.items()})
                mlflow.log_metrics({"cv_roc_auc_mean": float(scores.mean()), "cv_roc_auc_std": float(scores.std())})

        best_name = max(cv_scores, key=cv_scores.get)
        best_cfg = next(c for c in settings.training.candidates if c.name == best_name)
        model = build_pipeline(best_cfg, seed).fit(X_tr, y_tr)

        proba_te = model.predict_proba(X_te)[:, 1]
        test_metrics = classification_metrics(y_te, proba_te)
        mlflow.log_param("best_candidate", best_name)
        mlflow.log_metrics({f"test_{k}": v for k, v in test_metrics.items()})

        reference = X_tr.assign(**{TARGET: y_tr})
        with tempfile.TemporaryDirectory() as tmp:
            ref_path = Path(tmp) / registry.REFERENCE_FILE
            reference.reset_index(drop=True).to_parquet(ref_path)
            mlflow.log_artifact(str(ref_path), registry.REFERENCE_ARTIFACT_DIR)

        signature = infer_signature(X_tr.head(100), model.predict_proba(X_tr.head(100))[:, 1])
        mlflow.sklearn.log_model(
            model,
            artifact_path="model",
            signature=signature,
            input_example=X_tr.head(5),
            registered_model_name=settings.training.registered_model_name,
        )

        client = mlflow.MlflowClient()
        versions = client.search_model_versions(
            f"name='{settings.training.registered_model_name}' and run_id='{parent.info.run_id}'"
        )
        version = str(max(int(v.version) for v in versions))
        client.set_model_version_tag(settings.training.registered_model_name, version, "data_hash", data_hash)
        return version, test_metrics
