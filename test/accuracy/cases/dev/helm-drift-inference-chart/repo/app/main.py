import logging
import os
import pickle
import time
from typing import List

import numpy as np
from fastapi import FastAPI, HTTPException
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from pydantic import BaseModel

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)

REQUEST_COUNT = Counter("prediction_requests_total", "Total prediction requests")
REQUEST_LATENCY = Histogram("prediction_latency_seconds", "Prediction latency")

app = FastAPI(title="Inference Service")
model = None
model_path = os.getenv("MODEL_PATH", "/app/model/model.pkl")


class PredictionRequest(BaseModel):
    features: List[float]


@app.on_event("startup")
async def load_model():
    global model
    try:
        with open(model_path, "rb") as f:
            model = pickle.load(f)
        logger.info("model loaded")
    except Exception as e:
        logger.error(f"Failed to load model: {str(e)}")
        raise


@app.post("/predict")
async def predict(request: PredictionRequest):
    start = time.time()
    REQUEST_COUNT.inc()
    try:
        if model is None:
            raise HTTPException(status_code=503, detail="Model not loaded")
        features = np.array(request.features).reshape(1, -1)
        prediction = int(model.predict(features)[0])
        REQUEST_LATENCY.observe(time.time() - start)
        return {"prediction": prediction}
    except Exception as e:
        logger.error(f"Prediction failed: {str(e)}")
        raise HTTPException(status_code=500, detail=str(e))


@app.get("/healthz")
async def health_check():
    if model is None:
        raise HTTPException(status_code=503, detail="Model not loaded")
    return {"status": "healthy"}


@app.get("/metrics")
async def metrics():
    return Response(content=generate_latest(), media_type=CONTENT_TYPE_LATEST)
