from pathlib import Path

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

PROCESSED = Path(__file__).resolve().parents[2] / "data" / "processed" / "telco.csv"


def load_processed_data() -> pd.DataFrame:
    return pd.read_csv(PROCESSED)


def get_feature_matrix_and_target(df):
    y = (df["Churn Label"].astype(str).str.strip().str.lower() == "yes").astype(int).values
    return df.drop(columns=["Churn Label"]), y


def build_preprocessing_pipeline(X):
    cat = X.select_dtypes(include="object").columns.tolist()
    num = X.select_dtypes(exclude="object").columns.tolist()
    ct = ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), num),
        ("cat", Pipeline([("imp", SimpleImputer(strategy="most_frequent")), ("oh", OneHotEncoder(handle_unknown="ignore"))]), cat),
    ])
    return Pipeline(steps=[("preprocess", ct)])
