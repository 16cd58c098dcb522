"""
Cancer Progression Prediction API
FastAPI REST endpoint for a CatBoost model deployed on Render
"""

from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel
from typing import Optional, Dict, Any
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.preprocessing import LabelEncoder
import os
import logging
from datetime import datetime

logging.basicConfig(
    level=logging.INFO,
    format='%(asctime)s - %(levelname)s - %(message)s'
)
logger = logging.getLogger(__name__)

# works both locally and on Render
MODEL_PATH = os.getenv('MODEL_PATH', './catboost_cancer_progression_model.cbm')

CATEGORICAL_FEATURES = [
    'demographic.gender',
    'diagnoses.tumor_grade',
    'exposures.tobacco_smoking_status',
    'pathology_details.margin_status',
    'treatments.treatment_type',
]

app = FastAPI(
    title="Cancer Progression Prediction API",
    version="1.0.0"
)

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

model = None
model_loaded = False
model_feature_names = []


class PredictionRequest(BaseModel):
    """Input schema: every clinical feature is optional"""
    demographic_gender: Optional[str] = None
    diagnoses_age_at_diagnosis: Optional[float] = None
    diagnoses_tumor_grade: Optional[str] = None
    diagnoses_days_to_diagnosis: Optional[float] = None
    exposures_tobacco_smoking_status: Optional[str] = None
    exposures_pack_years_smoked: Optional[float] = None
    pathology_details_margin_status: Optional[str] = None
    pathology_details_lymph_nodes_positive: Optional[float] = None
    treatments_treatment_type: Optional[str] = None
    treatments_days_to_treatment_end: Optional[float] = None


class PredictionResponse(BaseModel):
    success: bool
    prediction: int
    progression_probability: float
    progression_label: str
    risk_level: str
    model_confidence: float
    timestamp: str
    model_version: str = "1.0.0"


class HealthResponse(BaseModel):
    status: str
    model_loaded: bool
    timestamp: str


def load_model():
    """Load the CatBoost model from disk"""
    global model, model_loaded, model_feature_names

    try:
        if os.path.exists(MODEL_PATH):
            model = CatBoostClassifier()
            model.load_model(MODEL_PATH)
            model_loaded = True
            model_feature_names = list(model.feature_names_) if model.feature_names_ else []
            logger.info(f"Model loaded from {MODEL_PATH} ({len(model_feature_names)} features)")
            return True
        else:
            logger.error(f"Model file not found at {MODEL_PATH}")
            model_loaded = False
            return False
    except Exception as e:
        logger.error(f"Error loading model: {str(e)}")
        model_loaded = False
        return False


def prepare_features(data: Dict[str, Any]) -> pd.DataFrame:
    """Put the request values in the model's feature order"""
    if model is None or not model_feature_names:
        raise ValueError("Model not loaded or feature names not available")

    features = {}
    for feature_name in model_feature_names:
        key = feature_name.replace('.', '_')
        value = data.get(key)
        if value is None or value == '':
            value = 'Unknown' if feature_name in CATEGORICAL_FEATURES else np.nan
        elif feature_name in CATEGORICAL_FEATURES:
            value = str(value)
        features[feature_name] = value

    return pd.DataFrame([features])[model_feature_names]


def get_risk_category(probability: float) -> str:
    if probability >= 0.7:
        return "High"
    elif probability >= 0.4:
        return "Medium"
    return "Low"


@app.on_event("startup")
async def startup_event():
    logger.info("Starting Cancer Progression Prediction API...")
    load_model()
    if not model_loaded:
        logger.warning("Model not loaded - API will return errors for predictions")


@app.get("/health", response_model=HealthResponse, tags=["Health"])
async def health_check():
    return HealthResponse(
        status="healthy" if model_loaded else "degraded",
        model_loaded=model_loaded,
        timestamp=datetime.now().isoformat()
    )


@app.post("/predict", response_model=PredictionResponse, tags=["Prediction"])
async def predict(request: PredictionRequest):
    if not model_loaded or model is None:
        logger.error("Prediction requested but model not loaded")
        raise HTTPException(
            status_code=503,
            detail="Model not loaded. API temporarily unavailable."
        )

    try:
        X = prepare_features(request.model_dump())

        prediction = model.predict(X)[0]
        probability = model.predict_proba(X)[0, 1]

        progression_label = "Progression" if int(prediction) == 1 else "No Progression"
        risk_level = get_risk_category(probability)

        # confidence: distance from 0.5
        confidence = 1.0 - abs(probability - 0.5) * 2

        logger.info(f"Prediction generated: {progression_label} ({probability:.4f})")

        return PredictionResponse(
            success=True,
            prediction=int(prediction),
            progression_probability=float(probability),
            progression_label=progression_label,
            risk_level=risk_level,
            model_confidence=float(confidence),
            timestamp=datetime.now().isoformat(),
        )

    except Exception as e:
        logger.error(f"Prediction error: {str(e)}")
        raise HTTPException(
            status_code=400,
            detail=f"Prediction failed: {str(e)}"
        )


@app.post("/batch-predict", tags=["Prediction"])
async def batch_predict(requests: list[PredictionRequest]):
    if not model_loaded or model is None:
        raise HTTPException(
            status_code=503,
            detail="Model not loaded"
        )

    try:
        predictions = []
        for request in requests:
            X = prepare_features(request.model_dump())
            pred = model.predict(X)[0]
            prob = model.predict_proba(X)[0, 1]
            predictions.append({
                "prediction": int(pred),
                "probability": float(prob),
                "risk_level": get_risk_category(prob),
            })

        logger.info(f"Batch predictions generated for {len(requests)} patients")
        return {"success": True, "count": len(predictions), "predictions": predictions}

    except Exception as e:
        logger.error(f"Batch prediction error: {str(e)}")
        raise HTTPException(
            status_code=400,
            detail=f"Batch prediction failed: {str(e)}"
        )


if __name__ == "__main__":
    import uvicorn

    port = int(os.getenv("PORT", 8000))
    print(f"Starting server on http://0.0.0.0:{port}")
    uvicorn.run(app, host="0.0.0.0", port=port, log_level="info")
