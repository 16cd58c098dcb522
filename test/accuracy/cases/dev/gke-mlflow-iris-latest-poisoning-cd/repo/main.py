import os

import mlflow
import uvicorn
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from predict import format_features, load_model, make_prediction

MLFLOW_TRACKING_URI = "http://34.67.159.166:8081"

os.environ["MLFLOW_TRACKING_URI"] = MLFLOW_TRACKING_URI
mlflow.set_tracking_uri(MLFLOW_TRACKING_URI)

app = FastAPI(title="Iris ML API", description="API for Iris species prediction")

# Load the model once at startup
try:
    print(f"Loading model from MLflow at {MLFLOW_TRACKING_URI}...")
    model = load_model()
    if model:
        print("Model loaded successfully.")
    else:
        print("Model loading returned None. Check MLflow server.")
except Exception as e:
    print(f"FATAL: Could not load model at startup. {e}")
    model = None


class IrisFeatures(BaseModel):
    sepal_length: float
    sepal_width: float
    petal_length: float
    petal_width: float


class Prediction(BaseModel):
    prediction: str


@app.get("/", summary="Health check endpoint")
def read_root():
    """Health check: Returns status and model load status."""
    model_status = "loaded" if model is not None else "load_failed"
    return {"status": "ok", "model_status": model_status}


@app.post("/predict", summary="Make a single prediction", response_model=Prediction)
def get_prediction(features: IrisFeatures):
    if model is None:
        raise HTTPException(status_code=503, detail="Model is not available. Check server logs.")

    feature_list = [
        str(features.sepal_length),
        str(features.sepal_width),
        str(features.petal_length),
        str(features.petal_width),
    ]

    try:
        data_df = format_features(feature_list)
        if data_df is None:
            raise ValueError("Feature formatting failed.")

        prediction_value = make_prediction(model, data_df)
        if prediction_value is None:
            raise ValueError("Model prediction failed.")

        return {"prediction": prediction_value}

    except Exception as e:
        raise HTTPException(status_code=400, detail=f"Prediction error: {e}")


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
