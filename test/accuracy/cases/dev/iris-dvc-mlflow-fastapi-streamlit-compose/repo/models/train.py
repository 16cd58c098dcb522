import json
import os
import time

import click
import joblib
import mlflow
import mlflow.sklearn
import pandas as pd
from mlflow.models import infer_signature
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split


@click.command()
@click.option("--model_type", type=click.Choice(["logreg", "rf"]), default="logreg")
@click.option("--test_size", type=float, default=0.2)
@click.option("--random_state", type=int, default=42)
def train(model_type, test_size, random_state):
    mlflow.set_experiment("iris-classifier")

    with mlflow.start_run():
        mlflow.log_params({"model_type": model_type, "test_size": test_size, "random_state": random_state})

        df = pd.read_csv("data/raw/iris.csv")
        X, y = df.drop("target", axis=1), df["target"]

        X_train, X_test, y_train, y_test = train_test_split(
            X, y, test_size=test_size, random_state=random_state, stratify=y
        )

        if model_type == "logreg":
            model = LogisticRegression(max_iter=200, random_state=random_state)
            mlflow.log_param("max_iter", 200)
        else:
            model = RandomForestClassifier(n_estimators=100, random_state=random_state)
            mlflow.log_param("n_estimators", 100)

        start_time = time.time()
        model.fit(X_train, y_train)
        training_time = time.time() - start_time

        y_pred = model.predict(X_test)
        accuracy = accuracy_score(y_test, y_pred)
        f1 = f1_score(y_test, y_pred, average="weighted")
        mlflow.log_metrics({"accuracy": float(accuracy), "f1_score": float(f1), "training_time_seconds": training_time})

        report = classification_report(y_test, y_pred, output_dict=True)
        report_path = "classification_report.json"
        with open(report_path, "w") as f:
            json.dump(report, f, indent=2)
        mlflow.log_artifact(report_path)

        signature = infer_signature(X_test, y_pred)
        mlflow.sklearn.log_model(
            model,
            name="model",
            signature=signature,
            registered_model_name="iris_classifier" if accuracy > 0.92 else None,
        )

        os.makedirs("data/processed", exist_ok=True)
        test_data_path = "data/processed/test_data.pkl"
        joblib.dump((X_test, y_test), test_data_path)
        mlflow.log_artifact(test_data_path)

        if accuracy > 0.92:
            print("Model registered successfully!")


if __name__ == "__main__":
    train()
