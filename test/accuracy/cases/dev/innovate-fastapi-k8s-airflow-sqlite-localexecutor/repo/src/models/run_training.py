"""Main script to run model training."""

import argparse
import json
import logging
import os
import pickle

import pandas as pd

try:
    import mlflow

    MLFLOW_AVAILABLE = True
except ImportError:
    MLFLOW_AVAILABLE = False
    print("Warning: MLflow not available. Will save model without MLflow tracking.")

from src.models.train import evaluate_model, train_model

logging.basicConfig(level=logging.INFO, format="%(asctime)s - %(name)s - %(levelname)s - %(message)s")
logger = logging.getLogger(__name__)


def load_data(dataset_name: str, data_dir: str = "data/processed") -> tuple:
    X_train = pd.read_csv(os.path.join(data_dir, f"{dataset_name}_X_train.csv"))
    X_test = pd.read_csv(os.path.join(data_dir, f"{dataset_name}_X_test.csv"))
    y_train = pd.read_csv(os.path.join(data_dir, f"{dataset_name}_y_train.csv")).squeeze()
    y_test = pd.read_csv(os.path.join(data_dir, f"{dataset_name}_y_test.csv")).squeeze()
    return X_train, X_test, y_train, y_test


def save_model(model, output_path: str) -> None:
    os.makedirs(os.path.dirname(output_path), exist_ok=True)
    with open(output_path, "wb") as f:
        pickle.dump(model, f)
    logger.info(f"Model saved to: {output_path}")


def main():
    parser = argparse.ArgumentParser(description="Train machine learning model")
    parser.add_argument("--dataset", type=str, default="iris")
    parser.add_argument("--model-type", type=str, default="classification")
    parser.add_argument("--data-dir", type=str, default="data/processed")
    parser.add_argument("--model-dir", type=str, default="models")
    parser.add_argument("--metrics-file", type=str, default="metrics/model_metrics.json")
    parser.add_argument("--use-mlflow", action="store_true")
    args = parser.parse_args()

    if args.dataset == "iris":
        model_params = {"model_name": "random_forest", "n_estimators": 100, "max_depth": 5, "random_state": 42}
    else:
        model_params = {"C": 1.0, "solver": "lbfgs", "max_iter": 1000, "random_state": 42}

    X_train, X_test, y_train, y_test = load_data(args.dataset, args.data_dir)

    if args.use_mlflow:
        mlflow.set_tracking_uri(os.environ.get("MLFLOW_TRACKING_URI", "http://localhost:5000"))

    model = train_model(
        X_train, y_train, model_type=args.model_type, model_params=model_params,
        use_mlflow=args.use_mlflow, experiment_name=f"{args.dataset}_{args.model_type}",
    )
    metrics = evaluate_model(model, X_test, y_test, model_type=args.model_type, use_mlflow=args.use_mlflow)
    for metric_name, metric_value in metrics.items():
        logger.info(f"{metric_name}: {metric_value:.4f}")

    save_model(model, os.path.join(args.model_dir, f"{args.dataset}_{args.model_type}_model.pkl"))
    os.makedirs(os.path.dirname(args.metrics_file), exist_ok=True)
    with open(args.metrics_file, "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
