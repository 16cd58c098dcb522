"""FastAPI model serving endpoint (alternative to Seldon)."""
import os
from pathlib import Path

import joblib
from fastapi import FastAPI
from pydantic import BaseModel


class PredictionRequest(BaseModel):
    text: str


app = FastAPI(title="Sentiment Model Server")

MODEL_PATH = os.getenv("MODEL_PATH", "/mnt/models/sentiment_model.pkl")
model = None


@app.on_event("startup")
async def load_model():
    global model
    model_path = Path(MODEL_PATH)
    if model_path.exists():
        model = joblib.load(model_path)
    else:
        raise FileNotFoundError(f"Model not found at {model_path}")


@app.get("/health")
async def health():
    return {"status": "healthy", "model_loaded": model is not None}


@app.post("/predict")
async def predict(request: PredictionRequest):
    prediction = model.predict([request.text])[0]
    proba = model.predict_proba([request.text])[0]
    return {"prediction": prediction, "probability": float(max(proba))}
