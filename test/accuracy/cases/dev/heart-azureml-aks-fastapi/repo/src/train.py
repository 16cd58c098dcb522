import argparse
from pathlib import Path

import joblib
import mlflow
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split


def load_data(data_path: str) -> pd.DataFrame:
    print(f"Loading CSV from: {data_path}")
    return pd.read_csv(data_path)


def train_models(X_train, y_train):
    models = {
        "log_reg": LogisticRegression(max_iter=2000),
        "rf": RandomForestClassifier(n_estimators=200, random_state=42)
    }
    for name, model in models.items():
        model.fit(X_train, y_train)
        print(f"Trained {name}")
    return models


def evaluate_and_plot(models, X_test, y_test):
    scores = {}
    for name, model in models.items():
        preds = model.predict(X_test)
        scores[name] = {"accuracy": accuracy_score(y_test, preds), "f1": f1_score(y_test, preds)}
        print(f"{name} metrics: {scores[name]}")
    return scores


def evaluate_with_crossval(models, X, y, cv_splits=5):
    scores = {}
    cv = StratifiedKFold(n_splits=cv_splits, shuffle=True, random_state=42)
    for name, model in models.items():
        model_scores = {}
        for metric in ["accuracy", "f1", "roc_auc"]:
            try:
                cv_result = cross_val_score(model, X, y, cv=cv, scoring=metric)
                model_scores[metric] = cv_result.mean()
            except Exception:
                model_scores[metric] = None
        scores[name] = model_scores
    return scores


def save_best_model(models, scores):
    best_model_name = max(scores, key=lambda m: scores[m]["f1"])
    best_model = models[best_model_name]

    output_dir = Path("outputs")
    output_dir.mkdir(exist_ok=True)

    model_path = output_dir / "best_model.pkl"
    joblib.dump(best_model, model_path)

    print(f"Best model '{best_model_name}' saved to {model_path}")
    return best_model_name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_path", type=str, required=True)
    args = parser.parse_args()

    with mlflow.start_run():
        df = load_data(args.data_path)
        X = df.drop("target", axis=1)
        y = df["target"]

        X_train, X_test, y_train, y_test = train_test_split(
            X, y, test_size=0.2, random_state=42
        )

        models = train_models(X_train, y_train)
        _ = evaluate_and_plot(models, X_test, y_test)
        scores = evaluate_with_crossval(models, X, y, cv_splits=5)
        for name, metrics in scores.items():
            mlflow.log_metric(f"{name}_f1", metrics["f1"])
            mlflow.log_metric(f"{name}_ROC_", metrics["roc_auc"])
        best_model_name = save_best_model(models, scores)
        mlflow.log_param("best_model", best_model_name)


if __name__ == "__main__":
    main()
