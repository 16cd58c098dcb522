from google.cloud import aiplatform
import os

os.environ['GOOGLE_APPLICATION_CREDENTIALS'] = "key.json"

MODEL_NAME = 'titanic_survival_classifier'
PROJECT_ID = "mlops-433612"
LOCATION = "us-central1"
REPO_NAME = 'custom-training'
IMAGE_URI = f"us-central1-docker.pkg.dev/{PROJECT_ID}/{REPO_NAME}/vertex-ai-custom-fastapi:latest"

aiplatform.init(project=PROJECT_ID, location=LOCATION)

model = aiplatform.Model.upload(
    display_name=MODEL_NAME,
    serving_container_image_uri=IMAGE_URI,
)

print(f"Model registered with ID: {model.resource_name}")
