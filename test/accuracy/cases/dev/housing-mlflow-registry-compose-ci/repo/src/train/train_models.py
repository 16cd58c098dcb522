"""
Train and evaluate models.
"""

import argparse

import mlflow
import mlflow.sklearn

from src.models.linear_regression import LinearRegressionModel
from src.utils.data_processor import DataLoader
from src.utils.config import Settings
from src.utils.logger import setup_logger
import psutil as ps

logger = setup_logger(__name__, log_file="./logs/models.log")


def train_linear_regression(X_train, y_train, X_val, y_val, trial=None):
    """Train linear regression model with optional hyperparameter optimization."""
    if trial:
        regularization = trial.suggest_categorical('regularization', ['none', 'ridge', 'lasso'])
        alpha = trial.suggest_float('alpha', 0.001, 10.0, log=True) if regularization != 'none' else 1.0
    else:
        regularization = 'ridge'
        alpha = 1.0

    model = LinearRegressionModel()

    with mlflow.start_run(nested=True):
        mlflow.log_param('algorithm', 'linear_regression')
        mlflow.log_param('regularization', regularization)
        mlflow.log_param('alpha', alpha)

        train_metrics = model.train(X_train, y_train, regularization=regularization, alpha=alpha)
        val_metrics = model.evaluate(X_val, y_val)

        for key, value in train_metrics.items():
            mlflow.log_metric(f'train_{key}', value)
        for key, value in val_metrics.items():
            mlflow.log_metric(f'val_{key}', value)

        mlflow.sklearn.log_model(
            model.model,
            "model",
            registered_model_name="housing_price_predictor"
        )

        logger.info(f"Linear Regression - Val R2: {val_metrics['r2']:.4f}")
        return val_metrics['r2']


def main():
    """Main training script."""
    parser = argparse.ArgumentParser(description='ML models training for housing price prediction')
    parser.add_argument('--data-path', type=str, help='Path to training dataset')
    parser.add_argument('--algorithms', nargs='+', choices=['linear_regression'],
                        default=['linear_regression'])
    args = parser.parse_args()

    settings = Settings()
    mlflow.set_tracking_uri(settings.MLFLOW_TRACKING_URI)
    mlflow.set_experiment(settings.MLFLOW_EXPERIMENT_NAME)

    data_loader = DataLoader()

    if args.data_path:
        X, y = data_loader.load_data(args.data_path)

    X_train, X_temp, y_train, y_temp = data_loader.split_data(X, y, test_size=0.3, random_state=42)
    X_val, X_test, y_val, y_test = data_loader.split_data(X_temp, y_temp, test_size=0.5, random_state=42)

    logger.info(f"Train: {X_train.shape[0]}, Val: {X_val.shape[0]}, Test: {X_test.shape[0]}")

    with mlflow.start_run(run_name="model_comparison"):
        for algorithm in args.algorithms:
            logger.info(f"Starting Training {algorithm}")

            cpu_percent = psutil.cpu_percent(interval=1)
            memory_percent = psutil.virtual_memory().percent

            mlflow.log_metric("cpu_usage", cpu_percent)
            mlflow.log_metric("ram_usage", memory_percent)

    '''
            score = train_linear_regression(X_train, y_train, X_val, y_val)
    '''
    logger.info("Training completed!")


if __name__ == "__main__":
    main()
