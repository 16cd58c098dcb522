#!/usr/bin/env python3
"""FastAPI application serving the breast cancer model: predictions, health check and monitoring."""
import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, List

import joblib
import numpy as np
import pandas as pd
from fastapi import BackgroundTasks, FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel, Field

from src.api.config import get_api_config

logging.basicConfig(level=logging.INFO, format="%(asctime)s - %(levelname)s - %(message)s")
logger = logging.getLogger(__name__)

api_config = get_api_config()

app = FastAPI(title=api_config["api_title"], version=api_config["api_version"])

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


class PredictionRequest(BaseModel):
    features: Dict[str, float] = Field(..., description="Patient features for the prediction")


class PredictionResponse(BaseModel):
    prediction: int
    probability: float
    confidence: str
    timestamp: str


class HealthResponse(BaseModel):
    status: str
    model_loaded: bool
    timestamp: str


class BatchPredictionRequest(BaseModel):
    predictions: List[Dict[str, float]] = Field(..., description="Features for several predictions")


model = None
scaler = None
feature_names = None


def load_model():
    """Load the model and its dependencies."""
    global model, scaler, feature_names
    try:
        model = joblib.load(api_config["model_path"])
        scaler = joblib.load(api_config["scaler_path"])
        with open(api_config["preprocessing_metadata_path"], "r") as f:
            feature_names = json.load(f).get("selected_features", [])
        return True
    except Exception as e:
        logger.error(f"Error while loading the model: {e}")
        return False


def preprocess_features(features: Dict[str, float]) -> np.ndarray:
    df = pd.DataFrame([features])
    if feature_names:
        df = df[feature_names]
    return scaler.transform(df) if scaler is not None else df.values


def log_prediction(features: Dict[str, float], prediction: int, probability: float):
    """Log the prediction for the audit trail."""
    log_entry = {
        "timestamp": datetime.now().isoformat(),
        "features": features,
        "prediction": int(prediction),
        "probability": float(probability),
    }
    # in production this would go to a database
    log_file = Path("logs/predictions.log")
    log_file.parent.mkdir(exist_ok=True)
    with open(log_file, "a") as f:
        f.write(json.dumps(log_entry) + "\n")


@app.on_event("startup")
async def startup_event():
    if not load_model():
        logger.error("Could not load the model. API not available.")


@app.get("/health", response_model=HealthResponse)
async def health_check():
    status = "healthy" if model is not None else "unhealthy"
    return HealthResponse(status=status, model_loaded=model is not None, timestamp=datetime.now().isoformat())


@app.post("/predict", response_model=PredictionResponse)
async def predict(request: PredictionRequest, background_tasks: BackgroundTasks):
    if model is None:
        raise HTTPException(status_code=503, detail="Model not loaded")
    try:
        features_scaled = preprocess_features(request.features)
        prediction = model.predict(features_scaled)[0]
        probability = model.predict_proba(features_scaled)[0][1]
        background_tasks.add_task(log_prediction, request.features, prediction, probability)
        return PredictionResponse(
            prediction=int(prediction),
            probability=float(probability),
            confidence="high" if probability >= 0.8 else "low",
            timestamp=datetime.now().isoformat(),
        )
    except Exception as e:
        logger.error(f"Error during prediction: {e}")
        raise HTTPException(status_code=500, detail=f"Error during prediction: {str(e)}")


@app.post("/predict/batch")
async def predict_batch(request: BatchPredictionRequest):
    if model is None:
        raise HTTPException(status_code=503, detail="Model not loaded")
    predictions: List[Dict[str, Any]] = []
    for i, features in enumerate(request.predictions):
        try:
            features_scaled = preprocess_features(features)
            prediction = model.predict(features_scaled)[0]
            predictions.append({"id": i, "prediction": int(prediction)})
        except Exception as e:
            logger.error(f"Error in prediction {i}: {e}")
            predictions.append({"id": i, "error": str(e), "prediction": None})
    return {"predictions": predictions, "total_predictions": len(predictions)}
