"""FastAPI server: loads the trained model from MLflow and serves predictions."""

import logging
import time

import mlflow.sklearn
import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from src.config import API_HOST, API_PORT, CLASS_NAMES, MLFLOW_EXPERIMENT_NAME, MLFLOW_TRACKING_URI
from src.mlflow_utils import get_latest_run

logging.basicConfig(level=logging.INFO, format='%(message)s')
logger = logging.getLogger(__name__)

app = FastAPI(title="Iris Classifier API")

MODEL = None


class IrisFeatures(BaseModel):
    sepal_length: float
    sepal_width: float
    petal_length: float
    petal_width: float


class PredictionResponse(BaseModel):
    prediction: str
    confidence: float


@app.on_event("startup")
async def startup():
    global MODEL
    mlflow.set_tracking_uri(MLFLOW_TRACKING_URI)
    latest_run = get_latest_run(MLFLOW_EXPERIMENT_NAME)
    if latest_run is None:
        raise Exception(f"Experiment '{MLFLOW_EXPERIMENT_NAME}' not found. Run train.py first!")
    MODEL = mlflow.sklearn.load_model(f"runs:/{latest_run.info.run_id}/iris-model")
    logger.info("model loaded")


@app.get("/health")
async def health():
    return {"status": "healthy", "model_loaded": MODEL is not None}


@app.post("/predict", response_model=PredictionResponse)
async def predict(features: IrisFeatures):
    if MODEL is None:
        raise Exception("Model not loaded")
    row = [[features.sepal_length, features.sepal_width, features.petal_length, features.petal_width]]
    probabilities = MODEL.predict_proba(row)[0]
    index = int(probabilities.argmax())
    return PredictionResponse(prediction=CLASS_NAMES[index], confidence=float(probabilities[index]))


@app.get("/metrics")
async def metrics():
    from fastapi.responses import Response
    return Response(content=generate_latest(), media_type=CONTENT_TYPE_LATEST)


if __name__ == "__main__":
    uvicorn.run(app, host=API_HOST, port=API_PORT)
