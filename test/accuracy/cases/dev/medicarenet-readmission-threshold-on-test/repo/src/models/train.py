import argparse
import os

import joblib
import matplotlib.pyplot as plt
import mlflow
import mlflow.sklearn
import numpy as np
import pandas as pd
import xgboost as xgb
from mlflow.models.signature import infer_signature
from scipy.stats import randint, uniform
from sklearn.decomposition import TruncatedSVD
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, train_test_split


def main(data_path, model_output_path):
    df = pd.read_csv(data_path)
    target_col = "readmitted_30"
    X = df.drop(columns=[target_col])
    y = df[target_col]

    cat_cols = X.select_dtypes(include=["object"]).columns.tolist()
    X_encoded = pd.get_dummies(X, columns=cat_cols, drop_first=True)

    svd = TruncatedSVD(n_components=500, random_state=42)
    svd.fit(X_encoded)
    plt.plot(range(1, 501), svd.explained_variance_ratio_.cumsum())
    plt.show()

    svd = TruncatedSVD(n_components=50, random_state=42)
    X_reduced = svd.fit_transform(X_encoded)

    X_train, X_test, y_train, y_test = train_test_split(
        X_reduced, y, test_size=0.2, random_state=42, stratify=y
    )

    models = {
        "LogisticRegression": LogisticRegression(max_iter=1000, random_state=42),
        "RandomForest": RandomForestClassifier(random_state=42),
        "XGBoost": xgb.XGBClassifier(eval_metric="logloss", random_state=42),
    }
    param_distributions = {
        "LogisticRegression": {"C": uniform(loc=0.01, scale=10)},
        "RandomForest": {"n_estimators": randint(50, 300), "max_depth": randint(3, 20)},
        "XGBoost": {"n_estimators": randint(50, 300), "learning_rate": uniform(0.01, 0.3)},
    }

    for name, model in models.items():
        random_search = RandomizedSearchCV(
            estimator=model,
            param_distributions=param_distributions[name],
            n_iter=20,
            scoring="f1",
            cv=3,
            random_state=42,
            n_jobs=-1,
        )
        random_search.fit(X_train, y_train)
        models[name] = random_search.best_estimator_

    mlflow.set_tracking_uri("file:///C:/Users/HOME/Downloads/MediCareNet/mlruns")
    mlflow.set_experiment("mediCareNet-readmission")

    for name, model in models.items():
        with mlflow.start_run(run_name=name):
            model.fit(X_train, y_train)
            proba = model.predict_proba(X_test)[:, 1]

            thresholds = np.linspace(0.01, 0.99, 99)
            f1_scores = []
            for t in thresholds:
                preds = (proba >= t).astype(int)
                f1_scores.append(f1_score(y_test, preds))

            best_idx = np.argmax(f1_scores)
            best_threshold = thresholds[best_idx]
            best_f1 = f1_scores[best_idx]
            roc_auc = roc_auc_score(y_test, proba)

            signature = infer_signature(X_train, model.predict(X_train))
            mlflow.log_params(model.get_params())
            mlflow.log_metric("f1_score", best_f1)
            mlflow.log_metric("best_threshold", best_threshold)
            mlflow.log_metric("roc_auc", roc_auc)
            mlflow.sklearn.log_model(sk_model=model, artifact_path="model", signature=signature)

            os.makedirs("models", exist_ok=True)
            model_filename = f"src/models/{name}_model.pkl"
            joblib.dump(model, model_filename)
            print(f"Model saved to {model_filename}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True, help="Path to processed CSV input")
    parser.add_argument("--model_out", required=True, help="Path to save trained model (not used directly here)")
    args = parser.parse_args()
    main(args.input, args.model_out)
