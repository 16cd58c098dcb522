from pathlib import Path
import os
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.impute import SimpleImputer
import joblib

PROJECT_ROOT = Path(__file__).parent.parent.parent
DATA_PATH = PROJECT_ROOT / 'data' / 'Airbnb_Cleaned_Data.csv'
PREPROCESSOR_PATH = PROJECT_ROOT / 'artifacts' / 'preprocessor.pkl'


def preprocess_data():
    print(f"Loading data from: {DATA_PATH}")
    df = pd.read_csv(DATA_PATH)

    df = df.dropna(subset=["price"])

    y_reg = df["price"]
    X = df.drop(columns=["price"])

    categorical_cols = X.select_dtypes(include="object").columns.tolist()
    numerical_cols = X.select_dtypes(exclude="object").columns.tolist()

    numeric_pipeline = Pipeline(steps=[
        ("imputer", SimpleImputer(strategy="median"))
    ])
    categorical_pipeline = Pipeline(steps=[
        ("imputer", SimpleImputer(strategy="most_frequent")),
        ("encoder", OneHotEncoder(handle_unknown="ignore"))
    ])
    preprocessor = ColumnTransformer(
        transformers=[
            ("num", numeric_pipeline, numerical_cols),
            ("cat", categorical_pipeline, categorical_cols)
        ]
    )

    X_processed = preprocessor.fit_transform(X)

    os.makedirs(PROJECT_ROOT / 'artifacts', exist_ok=True)
    joblib.dump(preprocessor, PREPROCESSOR_PATH)

    X_train, X_test, y_train, y_test = train_test_split(
        X_processed, y_reg, test_size=0.2, random_state=42
    )
    return X_train, X_test, y_train, y_test
