import os
import mlflow
from dotenv import load_dotenv

load_dotenv()


def set_tracking():
    uri = os.getenv("MLFLOW_TRACKING_URI")
    if not uri:
        raise RuntimeError("MLFLOW_TRACKING_URI is not set")
    mlflow.set_tracking_uri(uri)


def start_run(experiment_name: str, run_name: str):
    mlflow.set_experiment(experiment_name)
    return mlflow.start_run(run_name=run_name)
