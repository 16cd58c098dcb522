import argparse
import os

import mlflow
import mlflow.sklearn
import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score
from sklearn.tree import DecisionTreeClassifier

os.environ["MLFLOW_TRACKING_URI"] = "http://34.67.159.166:8081"
mlflow.set_tracking_uri("http://34.67.159.166:8081")

EXPERIMENT_NAME = "iris-decision-tree-tuning"
mlflow.set_experiment(EXPERIMENT_NAME)


def poison_data(X, y, percentage):
    """Poisons a percentage of the feature values with random values."""
    if percentage == 0:
        return X, y

    X_poisoned = X.copy()
    n_rows, n_cols = X.shape
    n_features_to_poison = int(n_rows * n_cols * percentage)
    X_min, X_max = X.min().min(), X.max().max()

    rows = np.random.randint(0, n_rows, n_features_to_poison)
    cols = np.random.randint(0, n_cols, n_features_to_poison)
    random_values = np.random.uniform(X_min, X_max, n_features_to_poison)

    X_poisoned.values[rows, cols] = random_values
    return X_poisoned, y


def train(data_path, poison_percent):
    df = pd.read_csv(data_path)
    X = df.iloc[:, :-1]
    y = df.iloc[:, -1]

    X_train, y_train = poison_data(X, y, poison_percent)

    params1 = {"max_depth": 3, "criterion": "gini", "random_state": 1}
    params2 = {"max_depth": 10, "criterion": "entropy", "random_state": 1}

    for i, params in enumerate([params1, params2]):
        run_name = f"run_{i+1}_depth_{params['max_depth']}_poison_{int(poison_percent*100)}pct"
        with mlflow.start_run(run_name=run_name) as run:
            mlflow.log_params(params)
            mlflow.log_param("poison_percent", poison_percent)

            model = DecisionTreeClassifier(**params)
            model.fit(X_train, y_train)

            # Evaluate on the original clean data
            y_pred_clean = model.predict(X)
            accuracy_clean = accuracy_score(y, y_pred_clean)

            y_pred_train = model.predict(X_train)
            accuracy_train = accuracy_score(y_train, y_pred_train)

            mlflow.log_metric("validation_accuracy_clean", accuracy_clean)
            mlflow.log_metric("train_accuracy", accuracy_train)

            mlflow.sklearn.log_model(
                model,
                "model",
                registered_model_name="iris-model",
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Train Iris model with optional data poisoning.")
    parser.add_argument("data_path", type=str)
    parser.add_argument("--poison_percent", type=float, default=0.0)
    args = parser.parse_args()
    train(args.data_path, args.poison_percent)
