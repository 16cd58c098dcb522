import os
import mlflow
from mlflow.tracking import MlflowClient

TRACKING = os.getenv("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000")
EXPERIMENT_NAME = os.getenv("MLFLOW_EXPERIMENT", "ml-demo-2")
MODEL_NAME = os.getenv("MODEL_NAME", "ml-demo-model")

mlflow.set_tracking_uri(TRACKING)
client = MlflowClient()

exp = client.get_experiment_by_name(EXPERIMENT_NAME)
if exp is None:
    raise RuntimeError(f"Experiment '{EXPERIMENT_NAME}' not found. Train once first.")

# the most recent finished run
runs = client.search_runs(
    [exp.experiment_id],
    filter_string="attributes.status = 'FINISHED'",
    order_by=["attributes.start_time DESC"],
    max_results=25,
)

run = None
for r in runs:
    run = r
    break

if run is None:
    raise RuntimeError("No finished runs found to register.")

run_id = run.info.run_id
source = f"runs:/{run_id}/model"
print(f"Using run_id={run_id}")

try:
    client.create_registered_model(MODEL_NAME)
    print(f"Created registered model: {MODEL_NAME}")
except Exception:
    print(f"Registered model already exists: {MODEL_NAME}")

mv = client.create_model_version(name=MODEL_NAME, source=source, run_id=run_id)
print(f"Created model version: {mv.version}")

client.transition_model_version_stage(
    name=MODEL_NAME,
    version=mv.version,
    stage="Staging",
    archive_existing_versions=False,
)

PROMOTE_TO_PROD = True
if PROMOTE_TO_PROD:
    client.transition_model_version_stage(
        name=MODEL_NAME,
        version=mv.version,
        stage="Production",
        archive_existing_versions=False,
    )
    client.set_registered_model_alias(MODEL_NAME, "prod", mv.version)
    print(f"Version {mv.version} transitioned to Production and alias @prod set")
