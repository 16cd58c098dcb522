from __future__ import annotations

from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from app.features import make_preprocessor

try:  # xgboost is optional
    from xgboost import XGBClassifier
    HAS_XGBOOST = True
except ImportError:  # pragma: no cover
    HAS_XGBOOST = False


def build_models(scale_pos_weight: float = 1.0, random_state: int = 42) -> dict[str, Pipeline]:
    models: dict[str, Pipeline] = {}
    models["LogisticRegression"] = Pipeline([
        ("preprocess", make_preprocessor()),
        ("clf", LogisticRegression(max_iter=1000, class_weight="balanced", random_state=random_state)),
    ])
    models["RandomForest"] = Pipeline([
        ("preprocess", make_preprocessor()),
        ("clf", RandomForestClassifier(n_estimators=300, max_depth=10, n_jobs=-1, random_state=random_state)),
    ])
    if HAS_XGBOOST:
        models["XGBoost"] = Pipeline([
            ("preprocess", make_preprocessor()),
            ("clf", XGBClassifier(n_estimators=250, max_depth=3, scale_pos_weight=scale_pos_weight, random_state=random_state)),
        ])
    return models


def train_all_models(X_train, y_train, random_state: int = 42) -> dict:
    neg = int((y_train == 0).sum())
    pos = int((y_train == 1).sum())
    fitted = {}
    for name, model in build_models(scale_pos_weight=neg / max(pos, 1), random_state=random_state).items():
        model.fit(X_train, y_train)
        fitted[name] = model
    return fitted
