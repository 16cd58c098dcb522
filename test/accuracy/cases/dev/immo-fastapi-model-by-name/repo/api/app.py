from fastapi import FastAPI, HTTPException
import pandas as pd
import os

from api.config import MODEL_DIR, DEFAULT_MODEL
from api.schemas import PredictionRequest, BatchPredictionRequest, PredictionResponse
from api.model_loader import load_model
from api.predict import predict

app = FastAPI(title="Immo Price Prediction API", version="1.0.0")

DEFAULT_MODEL_NAME = "default"


# Health check
@app.get("/")
def root():
    return {"status": "running", "message": "Welcome to the Immo Price Prediction API!"}


@app.get("/model/version")
def model_version():
    model_path = os.path.realpath(DEFAULT_MODEL)
    return {"default_model": os.path.basename(model_path), "path": model_path}


@app.post("/predict/{model_name}", response_model=PredictionResponse)
def predict_single(request: PredictionRequest, model_name: str = DEFAULT_MODEL_NAME):
    try:
        pipeline = load_model(model_name)
    except FileNotFoundError as e:
        raise HTTPException(status_code=404, detail=f"Prediction failed: {str(e)}")

    df = pd.DataFrame([request.model_dump()])
    preds = predict(df, pipeline=pipeline)
    return PredictionResponse(predictions=preds.tolist())


@app.post("/predict/batch/{model_name}", response_model=PredictionResponse)
def predict_batch(request: BatchPredictionRequest, model_name: str = DEFAULT_MODEL_NAME):
    try:
        batch_pipeline = load_model(model_name)
    except FileNotFoundError as e:
        raise HTTPException(status_code=404, detail=f"Batch prediction failed: {str(e)}")

    df = pd.DataFrame([item.model_dump() for item in request.items])
    preds = predict(df, pipeline=batch_pipeline)
    return PredictionResponse(predictions=preds.tolist())
