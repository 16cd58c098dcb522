from fastapi import FastAPI, HTTPException
from pydantic import BaseModel
import joblib
import pandas as pd

app = FastAPI(title="Iris Classifier API")

try:
    model = joblib.load("model.joblib")
    print("model loaded")
except Exception as e:
    print(f"could not load the model: {e}")
    model = None


class IrisInput(BaseModel):
    sepal_length: float
    sepal_width: float
    petal_length: float
    petal_width: float


@app.get("/")
def read_root():
    return {"message": "Iris Classifier API"}


@app.get("/health")
def health_check():
    """Health check endpoint"""
    return {"status": "healthy", "model_loaded": model is not None}


@app.post("/predict/")
def predict_species(data: IrisInput):
    if model is None:
        raise HTTPException(status_code=503, detail="Model not loaded")
    try:
        frame = pd.DataFrame([data.dict()])
        prediction = model.predict(frame)[0]
        return {"predicted_class": int(prediction)}
    except Exception as e:
        raise HTTPException(status_code=500, detail=f"Prediction error: {str(e)}")
