"""Telco Customer Churn Prediction API."""

import logging
import os
import pickle
from datetime import datetime
from typing import List, Optional

import pandas as pd
from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware

from .schemas import ChurnPrediction, CustomerData

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)

app = FastAPI(title="Telco Customer Churn Prediction API", version="1.0.0")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:5173", "http://127.0.0.1:5173"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

model = None
scaler = None
label_encoders = None
model_features = None
model_metadata = None


def load_model_components():
    global model, scaler, label_encoders, model_features, model_metadata
    if os.path.exists("/app/models"):
        models_dir = "/app/models"
    else:
        models_dir = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "models"))

    try:
        with open(os.path.join(models_dir, "churn_prediction_model.pkl"), "rb") as f:
            model = pickle.load(f)
        with open(os.path.join(models_dir, "feature_scaler.pkl"), "rb") as f:
            scaler = pickle.load(f)
        with open(os.path.join(models_dir, "label_encoders.pkl"), "rb") as f:
            label_encoders = pickle.load(f)
        with open(os.path.join(models_dir, "model_features.pkl"), "rb") as f:
            model_features = pickle.load(f)
        with open(os.path.join(models_dir, "model_metadata.pkl"), "rb") as f:
            model_metadata = pickle.load(f)
        logger.info("All model components loaded successfully")
        return True
    except Exception as e:
        logger.error(f"Error loading model components: {str(e)}")
        return False


def preprocess_customer_data(customer_data: CustomerData) -> pd.DataFrame:
    df = pd.DataFrame([customer_data.dict()])
    df["SeniorCitizen_Label"] = df["SeniorCitizen"].map({0: "No", 1: "Yes"})

    def determine_life_stage(row):
        if row["SeniorCitizen"] == 1:
            return "Senior Individual" if row["Partner"] == "No" else "Senior Couple"
        if row["Partner"] == "No":
            return "Young Individual"
        return "Young Family" if row["Dependents"] == "Yes" else "Young Couple"

    df["LifeStage"] = df.apply(determine_life_stage, axis=1)

    def categorize_tenure(tenure):
        if tenure <= 12:
            return "New_Customer"
        if tenure <= 36:
            return "Established_Customer"
        return "Long_Term_Customer"

    df["TenureCategory"] = df["tenure"].apply(categorize_tenure)

    for feature in ["gender", "Partner", "MultipleLines", "Contract", "LifeStage", "TenureCategory"]:
        if feature in df.columns and feature in label_encoders:
            le = label_encoders[feature]
            df[feature + "_encoded"] = df[feature].apply(lambda x: le.transform([x])[0] if x in le.classes_ else 0)

    final_df = df[model_features].copy()
    numerical = [c for c in model_features if c in ["tenure", "MonthlyCharges", "TotalCharges"]]
    if numerical:
        final_df[numerical] = scaler.transform(final_df[numerical])
    return final_df


@app.on_event("startup")
async def startup_event():
    if not load_model_components():
        logger.error("Failed to load model components. API may not function correctly.")
    else:
        logger.info("API ready to serve predictions!")


@app.get("/health")
async def health_check():
    """Health check endpoint"""
    model_loaded = model is not None and scaler is not None and label_encoders is not None
    return {
        "status": "healthy" if model_loaded else "unhealthy",
        "model_loaded": model_loaded,
        "timestamp": datetime.now().isoformat(),
    }


@app.get("/model-info")
async def get_model_info():
    if model_metadata is None:
        raise HTTPException(status_code=500, detail="Model metadata not loaded")
    return {"model_details": model_metadata, "feature_count": len(model_features) if model_features else 0}


@app.post("/predict", response_model=ChurnPrediction)
async def predict_churn(customer_data: CustomerData, customer_id: Optional[str] = None):
    if model is None or scaler is None or label_encoders is None:
        raise HTTPException(status_code=500, detail="Model components not properly loaded")

    try:
        processed_data = preprocess_customer_data(customer_data)
        churn_probability = model.predict_proba(processed_data)[0, 1]
        recommended_threshold = model_metadata.get("recommended_threshold", 0.5)
        churn_prediction = "Will Churn" if churn_probability >= recommended_threshold else "Will Stay"
        risk_category = "High Risk" if churn_probability >= 0.8 else "Low Risk"
        return ChurnPrediction(
            customer_id=customer_id,
            churn_probability=round(churn_probability, 4),
            churn_prediction=churn_prediction,
            risk_category=risk_category,
            model_info={"model_name": model_metadata.get("model_name", "Unknown"), "threshold_used": recommended_threshold},
        )
    except Exception as e:
        logger.error(f"Prediction error: {str(e)}")
        raise HTTPException(status_code=500, detail=f"Prediction failed: {str(e)}")


@app.post("/predict/batch")
async def predict_churn_batch(customers: List[CustomerData]):
    if len(customers) > 100:
        raise HTTPException(status_code=400, detail="Batch size limited to 100 customers")

    predictions = []
    for i, customer in enumerate(customers):
        try:
            prediction = await predict_churn(customer, customer_id=f"batch_{i}")
            predictions.append(prediction)
        except Exception as e:
            logger.error(f"Error predicting customer {i}: {str(e)}")
            predictions.append({"customer_id": f"batch_{i}", "error": str(e), "churn_prediction": "Error"})

    return {"batch_size": len(customers), "predictions": predictions}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("api:app", host="0.0.0.0", port=8000, reload=True)
