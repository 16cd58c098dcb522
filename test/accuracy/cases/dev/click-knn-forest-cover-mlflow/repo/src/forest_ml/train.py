from pathlib import Path
from joblib import dump

import click
import mlflow
import mlflow.sklearn
from sklearn.metrics import accuracy_score
from sklearn.metrics import roc_auc_score

from .data import get_dataset
from .pipeline import create_pipeline

@click.command()
@click.option(
    "-d",
    "--dataset-path",
    default="data/train.csv",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    show_default=True,
)
@click.option(
    "-s",
    "--save-model-path",
    default="data/model.joblib",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    show_default=True,
)
@click.option(
    "--test-split-ratio",
    default=0.3,
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    show_default=True,
)
@click.option("--use-scaler", default=True, type=bool, show_default=True)
@click.option("--k", default=5, type=int, show_default=True)
@click.option("--weights", default='uniform', type=str, show_default=True)
@click.option("--algorithm", default='auto', type=str, show_default=True)
@click.option("--random-state", default=42, type=int, show_default=True)
def train(
    dataset_path: Path,
    save_model_path: Path,
    test_split_ratio: float,
    use_scaler: bool,
    k: int,
    weights: str,
    algorithm: str,
    random_state: int,
) -> None:
    features_train, features_val, target_train, target_val = get_dataset(
        dataset_path,
        random_state,
        test_split_ratio,
    )
    with mlflow.start_run():
        pipeline = create_pipeline(use_scaler, k, weights, algorithm)
        pipeline.fit(features_train, target_train)
        accuracy = accuracy_score(target_val, pipeline.predict(features_val))
        roc_auc = roc_auc_score(target_val, pipeline.predict(features_val))
        mlflow.log_param("use_scaler", use_scaler)
        mlflow.log_param("k", k)
        mlflow.log_param("weights", weights)
        mlflow.log_param("algorithm", algorithm)
        mlflow.log_metric("accuracy", accuracy)
        mlflow.log_metric("roc_auc_score", roc_auc)
        click.echo(f"Accuracy: {accuracy}.")
        click.echo(f"roc_auc_score: {roc_auc}.")
        dump(pipeline, save_model_path)
        click.echo(f"Model is saved to {save_model_path}.")
