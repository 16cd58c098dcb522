from fastapi import FastAPI, HTTPException
from pydantic import BaseModel
import joblib
import os

app = FastAPI(title="ML Prediction API")

# The model and the vectorizer are one Pipeline object.
try:
    model = joblib.load("models/model.pkl")
except FileNotFoundError:
    model = None
    print("Warning: Model file not found.")


class PredictionRequest(BaseModel):
    text: str


class PredictionResponse(BaseModel):
    prediction: str


@app.post("/predict", response_model=PredictionResponse)
def predict(request: PredictionRequest):
    if model is None:
        raise HTTPException(status_code=503, detail="Model not loaded")

    try:
        prediction = model.predict([request.text])[0]
        return {"prediction": str(prediction)}
    except Exception as e:
        raise HTTPException(status_code=500, detail=str(e))
