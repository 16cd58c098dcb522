import os
import json
from azureml.core import Workspace
from azureml.core.webservice import AciWebservice
from azureml.core.authentication import AzureCliAuthentication
import mlflow
import mlflow.azureml

print("Loading settings")
with open(os.path.join("code", "settings.json")) as f:
    settings = json.load(f)
deployment_settings = settings["deployment"]
aci_settings = deployment_settings["dev_deployment"]

print("Loading Run Details")
with open(os.path.join("code", "run_details.json")) as f:
    run_details = json.load(f)

cli_auth = AzureCliAuthentication()
config_file_path = os.environ.get("GITHUB_WORKSPACE", default="code")
ws = Workspace.from_config(
    path=config_file_path,
    auth=cli_auth,
    _file_name="aml_arm_config.json")

print("Deploying model on ACI")
aci_config = AciWebservice.deploy_configuration(cpu_cores=2,
                                                memory_gb=5)
dev_service = mlflow.azureml.deploy(model_uri='runs:/{}/{}'.format(run_details["run_id"], deployment_settings["model"]["path"]),
                                    workspace=ws,
                                    deployment_config=aci_config,
                                    service_name="ACI-deploy",
                                    model_name=deployment_settings["model"]["name"])
