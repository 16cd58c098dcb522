import os
import json
from azureml.core import Workspace, Experiment
from azureml.core.authentication import AzureCliAuthentication
import mlflow
import mlflow.azureml

print("Loading settings")
with open(os.path.join("code", "settings.json")) as f:
    settings = json.load(f)
experiment_settings = settings["experiment"]

print("Loading Workspace")
cli_auth = AzureCliAuthentication()
config_file_path = os.environ.get("GITHUB_WORKSPACE", default="code")
config_file_name = "aml_arm_config.json"
ws = Workspace.from_config(
    path=config_file_path,
    auth=cli_auth,
    _file_name=config_file_name)

os.environ["MLFLOW_TRACKING_URI"] = ws.get_mlflow_tracking_uri()

exp = Experiment(workspace=ws, name=experiment_settings["name"])
mlflow.set_experiment(exp.name)

# Submit Project
remote_mlflow_run = mlflow.projects.run(uri=".",
                                        backend="azureml",
                                        backend_config={
                                            "COMPUTE": "amlcluster", "USE_CONDA": True},
                                        synchronous=True)

run_details = {}
run_details["run_id"] = remote_mlflow_run.run_id
run_details["experiment_name"] = exp.name
with open(os.path.join("code", "run_details.json"), "w") as outfile:
    json.dump(run_details, outfile)
