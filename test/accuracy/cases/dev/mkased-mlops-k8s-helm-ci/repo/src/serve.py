"""FastAPI serving API for ML model inference."""
import os
from typing import List, Optional

import numpy as np
import uvicorn
from fastapi import FastAPI, HTTPException
from prometheus_client import Counter, Histogram, generate_latest, CONTENT_TYPE_LATEST
from pydantic import BaseModel, Field
from starlette.responses import Response

from .model import MLModel
from .utils import download_from_registry, get_model_registry_path

REQUEST_COUNT = Counter("ml_requests_total", "Total number of prediction requests", ["model_version"])
REQUEST_DURATION = Histogram("ml_request_duration_seconds", "Time spent processing prediction requests", ["model_version"])

app = FastAPI(title="MLOps Model Serving API", version="1.0.0")

model: Optional[MLModel] = None
model_version: str = "unknown"


class PredictionRequest(BaseModel):
    features: List[float] = Field(..., description="Feature vector for prediction")


class PredictionResponse(BaseModel):
    prediction: int
    probabilities: List[float]
    model_version: str


def load_model(version: Optional[str] = None) -> None:
    global model, model_version
    model_path = os.getenv("MODEL_PATH", "./models/model.pkl")
    if version:
        registry_path = get_model_registry_path(version)
        try:
            download_from_registry(registry_path, model_path)
        except Exception as e:
            print(f"Warning: Could not download from registry: {e}")
            print(f"Using local model at {model_path}")
    if not os.path.exists(model_path):
        raise FileNotFoundError(f"Model not found at {model_path}")
    model = MLModel.load(model_path)
    model_version = model.version
    print(f"Model loaded: version {model_version}")


@app.on_event("startup")
async def startup_event():
    version = os.getenv("MODEL_VERSION")
    load_model(version)


@app.get("/health")
async def health_check():
    return {"status": "healthy", "model_version": model_version, "model_loaded": model is not None}


@app.get("/ready")
async def readiness_check():
    if model is None:
        raise HTTPException(status_code=503, detail="Model not loaded")
    return {"status": "ready", "model_version": model_version}


@app.post("/predict", response_model=PredictionResponse)
async def predict(request: PredictionRequest):
    if model is None:
        raise HTTPException(status_code=503, detail="Model not loaded")
    REQUEST_COUNT.labels(model_version=model_version).inc()
    with REQUEST_DURATION.labels(model_version=model_version).time():
        try:
            features = np.array(request.features).reshape(1, -1)
            prediction = model.predict(features)[0]
            probabilities = model.predict_proba(features)[0].tolist()
            return PredictionResponse(
                prediction=int(prediction),
                probabilities=probabilities,
                model_version=model_version,
            )
        except Exception as e:
            raise HTTPException(status_code=400, detail=f"Prediction error: {str(e)}")


@app.get("/metrics")
async def metrics():
    return Response(content=generate_latest(), media_type=CONTENT_TYPE_LATEST)


def main():
    host = os.getenv("HOST", "0.0.0.0")
    port = int(os.getenv("PORT", "8000"))
    uvicorn.run(
        "serve:app",
        host=host,
        port=port,
        reload=False,
        log_level="info",
    )


if __name__ == "__main__":
    main()
