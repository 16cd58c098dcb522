"""Numeric -> StandardScaler, AvgMonthlySpend -> quantile bins, low-card cats -> one-hot."""
from __future__ import annotations
from pathlib import Path
from typing import List, Tuple

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline as SkPipeline
from sklearn.preprocessing import KBinsDiscretizer, OneHotEncoder, StandardScaler

from . import feature_lists as fl
from .transformers import AddDerivedFeatures


def build_preprocessor(
    num_cols: List[str] = fl.numeric_features,
    cat_cols: List[str] = fl.categorical_low_card,
) -> Tuple[SkPipeline, List[str]]:
    numeric_t = SkPipeline([("scaler", StandardScaler())])
    bins_t = SkPipeline([("kbins", KBinsDiscretizer(n_bins=4, encode="onehot-dense", strategy="quantile"))])
    cat_t = SkPipeline([("ohe", OneHotEncoder(drop="first", sparse_output=False, handle_unknown="ignore"))])

    bin_cols = ["AvgMonthlySpend"]
    all_cat_cols = cat_cols + ["TenureBucket", "Is_MonthToMonth"]

    pre = ColumnTransformer(
        [("num", numeric_t, num_cols), ("kbins", bins_t, bin_cols), ("cat", cat_t, all_cat_cols)],
        remainder="drop",
        verbose_feature_names_out=False,
    )
    pipe = SkPipeline([("derive", AddDerivedFeatures()), ("pre", pre)])

    # dummy fit, only to read the output feature names
    dummy_num = pd.DataFrame({c: [0] for c in num_cols + bin_cols})
    dummy_cat = pd.DataFrame({c: ["__A__"] for c in all_cat_cols})
    pipe.fit(pd.concat([dummy_num, dummy_cat], axis=1))
    feature_names = pipe.named_steps["pre"].get_feature_names_out().tolist()
    return pipe, feature_names


def save_pipeline(pipeline: SkPipeline, path: str | Path = "models/feature_pipeline_v2.pkl") -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(pipeline, path)
