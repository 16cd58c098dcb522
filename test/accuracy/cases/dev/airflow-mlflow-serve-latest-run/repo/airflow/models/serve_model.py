import os
import subprocess

from mlflow.tracking import MlflowClient


def run_serve():
    """Serve the newest run of the default experiment with mlflow models serve."""
    client = MlflowClient()

    experiment = client.get_experiment_by_name("default")
    if experiment is None:
        raise Exception("Experiment 'default' not found.")
    runs = client.search_runs(experiment_ids=[experiment.experiment_id], order_by=["start_time DESC"], max_results=1)
    if not runs:
        raise Exception("No MLflow runs found to serve a model.")

    run_id = runs[0].info.run_id
    model_uri = f"runs:/{run_id}/model"

    port = os.getenv("MODEL_PORT", "5001")
    print(f"Serving model from {model_uri} on port {port}...")

    # Popen so that the server outlives the Airflow task
    subprocess.Popen(
        ["mlflow", "models", "serve", "-m", model_uri, "-p", port, "--no-conda"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
