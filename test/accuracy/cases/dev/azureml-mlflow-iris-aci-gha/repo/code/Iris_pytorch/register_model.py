import os
import json
from azureml.core import Workspace, Experiment, Run
from azureml.core.authentication import AzureCliAuthentication
from azureml.core.webservice import AciWebservice
import mlflow
import mlflow.azureml

print("Loading settings")
with open(os.path.join("code", "settings.json")) as f:
    settings = json.load(f)
experiment_settings = settings["experiment"]
deployment_settings = settings["deployment"]

print("Loading Run Details")
with open(os.path.join("code", "run_details.json")) as f:
    run_details = json.load(f)

cli_auth = AzureCliAuthentication()
config_file_path = os.environ.get("GITHUB_WORKSPACE", default="aml_service")
ws = Workspace.from_config(
    path=config_file_path,
    auth=cli_auth,
    _file_name="aml_arm_config.json")

os.environ["MLFLOW_TRACKING_URI"] = ws.get_mlflow_tracking_uri()
exp = Experiment(workspace=ws, name=experiment_settings["name"])
mlflow.set_experiment(exp.name)

experiment = Experiment(workspace=ws, name=run_details["experiment_name"])
run = Run(experiment=experiment, run_id=run_details["run_id"])

tags = deployment_settings["model"]["tags"]
model = run.register_model(model_name=deployment_settings["model"]["name"],
                           model_path=deployment_settings["model"]["path"],
                           tags=tags,
                           description=deployment_settings["model"]["description"],
                           )

print("Deploying model on ACI")
aci_config = AciWebservice.deploy_configuration(cpu_cores=2,
                                                memory_gb=5)
dev_service = mlflow.azureml.deploy(model_uri='runs:/{}/{}'.format(run_details["run_id"], deployment_settings["model"]["path"]),
                                    workspace=ws,
                                    deployment_config=aci_config,
                                    service_name="iris-aci")
