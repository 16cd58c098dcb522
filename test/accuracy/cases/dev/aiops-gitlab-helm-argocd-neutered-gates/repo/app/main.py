import os
import time
import logging
import numpy as np
import joblib
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel, Field
from typing import List, Dict, Any
from prometheus_client import Counter, Histogram, REGISTRY
from prometheus_fastapi_instrumentator import Instrumentator
from pythonjsonlogger import jsonlogger

from config import settings
from drift_detector import SimpleDriftDetector
from model_loader import AIOpsModel

logHandler = logging.StreamHandler()
logHandler.setFormatter(jsonlogger.JsonFormatter('%(asctime)s %(levelname)s %(message)s'))
logger = logging.getLogger()
logger.addHandler(logHandler)
logger.setLevel(settings.log_level)

try:
    predictions_total = Counter('aiops_predictions_total', 'Total predictions')
except:
    predictions_total = REGISTRY._names_to_collectors.get('aiops_predictions_total')

try:
    prediction_duration = Histogram('aiops_duration_seconds', 'Duration')
except:
    prediction_duration = REGISTRY._names_to_collectors.get('aiops_duration_seconds')


class PredictionInput(BaseModel):
    features: List[float] = Field(..., min_length=1, max_length=100)


class PredictionOutput(BaseModel):
    prediction: float
    drift_detected: bool
    drift_info: Dict[str, Any]
    processing_time: float


app = FastAPI(title=settings.app_name, version=settings.version)
try:
    Instrumentator().instrument(app).expose(app)
except:
    pass

model = None
drift_detector = None


@app.on_event("startup")
async def startup_event():
    global model, drift_detector
    logger.info("Starting AIOps")
    try:
        if os.path.exists(settings.model_path):
            model = joblib.load(settings.model_path)
            logger.info(f"Model: {getattr(model, 'version', '1.0')}")
        else:
            logger.warning("Model file not found, using mock")
            model = AIOpsModel()
            model.version = "0.0.1-mock"
    except Exception as e:
        logger.error(f"Model load error: {e}, using mock")
        model = AIOpsModel()
        model.version = "0.0.1-mock"

    drift_detector = SimpleDriftDetector(threshold=settings.drift_threshold)
    drift_detector.fit(np.random.randn(100, 4) * 2 + 5)
    logger.info("Drift detector ready")


@app.get("/")
def root():
    return {"service": settings.app_name, "status": "healthy"}


@app.get("/health")
def health():
    return {
        "status": "healthy",
        "model_loaded": model is not None,
        "drift_detector_ready": drift_detector is not None
    }


@app.post("/predict", response_model=PredictionOutput)
async def predict(input_data: PredictionInput, request: Request):
    start_time = time.time()
    try:
        X = np.array([input_data.features])
        with prediction_duration.time():
            prediction = model.predict(X)[0]
        drift_info = drift_detector.detect(X)
        predictions_total.inc()
        return PredictionOutput(
            prediction=float(prediction),
            drift_detected=drift_info['drift_detected'],
            drift_info=drift_info,
            processing_time=time.time() - start_time
        )
    except Exception as e:
        logger.error(f"Error: {e}")
        raise HTTPException(status_code=500, detail=str(e))


if __name__ == "__main__":
    import uvicorn
    uvicorn.run("main:app", host="0.0.0.0", port=8000, reload=False, log_config=None)
