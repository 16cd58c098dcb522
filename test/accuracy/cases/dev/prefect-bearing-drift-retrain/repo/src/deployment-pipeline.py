import sys, os
sys.path.append(os.path.dirname(os.path.dirname(__file__)))

from prefect import flow, task
from src.extract_features import extract_features_main
from datetime import timedelta
from src.train import train_model_main


@task(
    persist_result=True,  # cache results so reruns skip the work
    cache_expiration=timedelta(days=1),
    retries=0  # no automatic retries; failed tasks are restarted from the UI
)
def extract_features():
    extract_features_main()


@task
def train_model():
    train_model_main()


@flow(name="Bearing Failure Prediction Pipeline")
def full_pipeline(start_step: str = "extract"):
    if start_step == "extract":
        features = extract_features()
        train_model()
    elif start_step == "train":
        train_model()
    else:
        raise ValueError(f"Invalid start_step: {start_step}. Use 'extract' or 'train'.")


if __name__ == "__main__":
    full_pipeline()
