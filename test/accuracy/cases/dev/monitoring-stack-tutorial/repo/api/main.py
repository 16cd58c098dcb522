import logging
import os
import time
from datetime import datetime
from typing import List, Optional

import mlflow
import mlflow.pyfunc
import numpy as np
from fastapi import FastAPI, HTTPException, Request
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from pydantic import BaseModel, Field
from starlette.responses import Response

MLFLOW_TRACKING_URI = os.getenv('MLFLOW_TRACKING_URI', 'http://localhost:5000')
MODEL_NAME = os.getenv('MODEL_NAME', 'wine_quality_model')
MODEL_STAGE = os.getenv('MODEL_STAGE', 'Production')  # Production, Staging, None

logging.basicConfig(level=logging.INFO, format='%(asctime)s - %(name)s - %(levelname)s - %(message)s')
logger = logging.getLogger(__name__)

REQUEST_COUNT = Counter('api_requests_total', 'Total API requests', ['method', 'endpoint', 'status'])
REQUEST_LATENCY = Histogram('api_request_latency_seconds', 'API request latency', ['method', 'endpoint'])
PREDICTION_COUNT = Counter('model_predictions_total', 'Total predictions made', ['model_name', 'model_version'])
PREDICTION_LATENCY = Histogram('model_prediction_latency_seconds', 'Model prediction latency', ['model_name'])
CURRENT_MODEL_VERSION = Gauge('model_version_info', 'Current model version', ['model_name', 'version'])
PREDICTION_ERRORS = Counter('model_prediction_errors_total', 'Total prediction errors', ['model_name', 'error_type'])


class PredictionRequest(BaseModel):
    features: List[float] = Field(..., description="List of feature values")
    feature_names: Optional[List[str]] = Field(None, description="Feature names (optional)")


class PredictionResponse(BaseModel):
    prediction: float
    model_name: str
    model_version: str
    timestamp: str
    latency_ms: float


class HealthResponse(BaseModel):
    status: str
    model_loaded: bool
    model_name: str
    model_version: str
    uptime_seconds: float


class ModelManager:
    """Manage the ML model from the MLflow registry."""

    def __init__(self):
        self.model = None
        self.model_name = MODEL_NAME
        self.model_version = None
        self.model_uri = None
        mlflow.set_tracking_uri(MLFLOW_TRACKING_URI)

    def load_model(self):
        try:
            if MODEL_STAGE:
                self.model_uri = f"models:/{self.model_name}/{MODEL_STAGE}"
            else:
                self.model_uri = f"models:/{self.model_name}/latest"
            self.model = mlflow.pyfunc.load_model(self.model_uri)
            client = mlflow.tracking.MlflowClient()
            versions = client.get_latest_versions(self.model_name, stages=[MODEL_STAGE] if MODEL_STAGE else None)
            self.model_version = versions[0].version if versions else "unknown"
            CURRENT_MODEL_VERSION.labels(model_name=self.model_name, version=self.model_version).set(1)
            logger.info(f"Model loaded: {self.model_name} v{self.model_version}")
            return True
        except Exception as e:
            logger.error(f" Failed to load model: {e}")
            PREDICTION_ERRORS.labels(model_name=self.model_name, error_type='model_load_error').inc()
            return False

    def predict(self, features: List[float]) -> float:
        if self.model is None:
            raise ValueError("Model not loaded")
        features_array = np.array(features).reshape(1, -1)
        start_time = time.time()
        prediction = self.model.predict(features_array)
        latency = time.time() - start_time
        PREDICTION_COUNT.labels(model_name=self.model_name, model_version=self.model_version).inc()
        PREDICTION_LATENCY.labels(model_name=self.model_name).observe(latency)
        return float(prediction[0]), latency


app = FastAPI(title="ML Model API", version="1.0.0")
model_manager = ModelManager()
app_start_time = time.time()


@app.middleware("http")
async def track_requests(request: Request, call_next):
    start_time = time.time()
    response = await call_next(request)
    latency = time.time() - start_time
    REQUEST_COUNT.labels(method=request.method, endpoint=request.url.path, status=response.status_code).inc()
    REQUEST_LATENCY.labels(method=request.method, endpoint=request.url.path).observe(latency)
    logger.info(f"{request.method} {request.url.path} status={response.status_code} latency={latency:.3f}s")
    return response


@app.on_event("startup")
async def startup_event():
    success = model_manager.load_model()
    if not success:
        logger.error("Failed to load model on startup")
        # In production, you might want to exit here


@app.get("/health", response_model=HealthResponse)
async def health_check():
    return HealthResponse(
        status="healthy" if model_manager.model is not None else "unhealthy",
        model_loaded=model_manager.model is not None,
        model_name=model_manager.model_name,
        model_version=model_manager.model_version or "unknown",
        uptime_seconds=time.time() - app_start_time,
    )


@app.post("/predict", response_model=PredictionResponse)
async def predict(request: PredictionRequest):
    try:
        if model_manager.model is None:
            PREDICTION_ERRORS.labels(model_name=model_manager.model_name, error_type='model_not_loaded').inc()
            raise HTTPException(status_code=503, detail="Model not loaded")
        start_time = time.time()
        prediction, pred_latency = model_manager.predict(request.features)
        return PredictionResponse(
            prediction=prediction,
            model_name=model_manager.model_name,
            model_version=model_manager.model_version,
            timestamp=datetime.now().isoformat(),
            latency_ms=(time.time() - start_time) * 1000,
        )
    except HTTPException:
        raise
    except ValueError as e:
        PREDICTION_ERRORS.labels(model_name=model_manager.model_name, error_type='value_error').inc()
        raise HTTPException(status_code=400, detail=str(e))
    except Exception as e:
        PREDICTION_ERRORS.labels(model_name=model_manager.model_name, error_type='unknown_error').inc()
        logger.error(f"Prediction error: {e}")
        raise HTTPException(status_code=500, detail="Prediction failed")


@app.post("/model/reload")
async def reload_model():
    """Reload the model from the registry."""
    success = model_manager.load_model()
    if success:
        return {"status": "success", "model_version": model_manager.model_version}
    raise HTTPException(status_code=500, detail="Model reload failed")


@app.get("/metrics")
async def metrics():
    return Response(content=generate_latest(), media_type=CONTENT_TYPE_LATEST)


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("main:app", host="0.0.0.0", port=8000, reload=False, log_level="info")
