from __future__ import annotations

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from app.config import TARGET

CATEGORICAL_COLS = ["Contract"]
NUMERICAL_COLS = ["tenure", "MonthlyCharges"]


def split_X_y(df: pd.DataFrame, target: str = TARGET):
    if target not in df.columns:
        raise ValueError(f"missing label column {target!r}")
    X = df.drop(columns=[target])
    y = (df[target] == "Yes").astype(int)
    return X, y


def make_preprocessor() -> ColumnTransformer:
    """Scaling and one-hot encoding, fitted inside each model's Pipeline."""
    return ColumnTransformer(
        transformers=[
            ("num", StandardScaler(), NUMERICAL_COLS),
            ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL_COLS),
        ],
        remainder="drop",
    )
