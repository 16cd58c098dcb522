"""Entry point: load data, train, evaluate and save artifacts."""

import logging
import sys

from src.data.loader import load_data
from src.models.evaluate import evaluate_model, save_metrics
from src.models.train import save_model, train_model
from src.utils.config import load_config

logger = logging.getLogger(__name__)


def run_pipeline() -> dict:
    config = load_config()
    logger.info("Starting ML pipeline (env=%s)", config.get("environment", "dev"))
    X_train, X_test, y_train, y_test, feature_names, target_names = load_data()
    model = train_model(X_train, y_train)
    save_model(model)
    metrics = evaluate_model(model, X_test, y_test, target_names=target_names)
    save_metrics(metrics)
    logger.info("Pipeline complete: accuracy=%.4f", metrics["accuracy"])
    return metrics


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    metrics = run_pipeline()
    print(f"Pipeline finished. Accuracy: {metrics['accuracy']:.4f}")
    sys.exit(0)


if __name__ == "__main__":
    main()
