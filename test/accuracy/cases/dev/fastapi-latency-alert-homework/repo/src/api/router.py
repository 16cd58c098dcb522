import os
import logging
import joblib
import numpy as np
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from src.api.schemas import PredictResponse, HealthResponse, PredictRequest
import time

logger = logging.getLogger(__name__)
api_router = APIRouter()

MODEL = None
try:
    model_path = os.getenv("MODEL_PATH", "models/model.pkl")
    MODEL = joblib.load(model_path)
    logger.info(f"Model loaded from {model_path}")
except Exception as e:
    logger.error(f"Error loading model: {e}")


@api_router.get("/health")
async def health() -> HealthResponse:
    return HealthResponse(status="ok", version=os.getenv("MODEL_VERSION", "v1.0.0"))


@api_router.post("/predict")
async def predict(request: PredictRequest) -> PredictResponse:
    if MODEL is None:
        return JSONResponse(content="Model not loaded", status_code=500)
    time.sleep(2)
    try:
        features_array = np.array(request.features).reshape(1, -1)
        prediction = MODEL.predict(features_array)[0]
        confidence = float(MODEL.predict_proba(features_array).max())
        return PredictResponse(prediction=float(prediction), confidence=confidence, version=os.getenv("MODEL_VERSION", "v1.0.0"))
    except Exception as e:
        return JSONResponse(content={"error": f"Prediction error: {str(e)}"}, status_code=400)
