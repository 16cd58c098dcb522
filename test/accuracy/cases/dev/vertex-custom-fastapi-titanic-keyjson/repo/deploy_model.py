from google.cloud import aiplatform_v1, aiplatform
import os

os.environ['GOOGLE_APPLICATION_CREDENTIALS'] = "key.json"

PROJECT_ID = "mlops-433612"
LOCATION = "us-central1"
ENDPOINT_DISPLAY_NAME = 'titanic_survival_model_endpoint'
STORED_MODEL_NAME = 'titanic_survival_classifier'

client = aiplatform_v1.EndpointServiceClient(
    client_options={"api_endpoint": f"{LOCATION}-aiplatform.googleapis.com"}
)
parent = f"projects/{PROJECT_ID}/locations/{LOCATION}"

endpoints = client.list_endpoints(parent=parent)
ENDPOINT_ID = ''
for endpoint in endpoints:
    if endpoint.display_name == ENDPOINT_DISPLAY_NAME:
        ENDPOINT_ID = endpoint.name.split('/')[-1]
        break

endpoint = aiplatform.Endpoint(endpoint_name=f"projects/{PROJECT_ID}/locations/{LOCATION}/endpoints/{ENDPOINT_ID}")

model_client = aiplatform_v1.ModelServiceClient(
    client_options={"api_endpoint": f"{LOCATION}-aiplatform.googleapis.com"}
)
models = model_client.list_models(parent=parent)

MODEL_ID = ''
for model in models:
    if model.display_name == STORED_MODEL_NAME:
        MODEL_ID = model.name.split('/')[-1]

aiplatform.init(project=PROJECT_ID, location=LOCATION)
model = aiplatform.Model(model_name=f"projects/{PROJECT_ID}/locations/{LOCATION}/models/{MODEL_ID}")

model.deploy(
    endpoint=endpoint,
    deployed_model_display_name=STORED_MODEL_NAME,
    machine_type='n1-highcpu-16',
    min_replica_count=1,
    max_replica_count=1,
    sync=True,
)

model.wait()
print(model.resource_name)
