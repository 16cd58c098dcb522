"""FastAPI application for heart disease prediction, with logging and metrics."""
import logging
import time
from pathlib import Path

import joblib
import pandas as pd
from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from pydantic import BaseModel, Field
from starlette.responses import Response

from src.utils.preprocessing import HeartDiseasePreprocessor

logging.basicConfig(level=logging.INFO, format='%(asctime)s - %(name)s - %(levelname)s - %(message)s')
logger = logging.getLogger(__name__)

app = FastAPI(title="Heart Disease Prediction API")

REQUEST_COUNT = Counter('api_requests_total', 'Total number of API requests', ['method', 'endpoint', 'status'])
REQUEST_DURATION = Histogram('api_request_duration_seconds', 'API request duration in seconds', ['method', 'endpoint'])
PREDICTION_COUNT = Counter('predictions_total', 'Total number of predictions', ['prediction_class'])

MODEL_PATH = Path("models/production_model.pkl")
PREPROCESSOR_PATH = Path("models/preprocessor.pkl")

model = None
preprocessor = None


def load_model():
    """Load the trained model and preprocessor."""
    global model, preprocessor
    try:
        if MODEL_PATH.exists():
            model = joblib.load(MODEL_PATH)
        else:
            logger.warning(f"Model not found at {MODEL_PATH}")
        if PREPROCESSOR_PATH.exists():
            preprocessor = HeartDiseasePreprocessor.load(PREPROCESSOR_PATH)
        else:
            logger.warning(f"Preprocessor not found at {PREPROCESSOR_PATH}")
    except Exception as e:
        logger.error(f"Error loading model/preprocessor: {e}")


@app.on_event("startup")
async def startup_event():
    load_model()


class HeartDiseaseInput(BaseModel):
    age: float = Field(..., ge=0, le=120, description="Age in years")
    sex: int = Field(..., ge=0, le=1)
    cp: int = Field(..., ge=0, le=3, description="Chest pain type (0-3)")
    trestbps: float = Field(..., ge=0, description="Resting blood pressure")
    chol: float = Field(..., ge=0, description="Serum cholesterol in mg/dl")
    thalach: float = Field(..., ge=0, description="Maximum heart rate achieved")
    ca: int = Field(..., ge=0, le=3)
    thal: int = Field(..., ge=0, le=3)


class PredictionResponse(BaseModel):
    prediction: int
    probability: float
    confidence: str


@app.middleware("http")
async def log_requests(request, call_next):
    start_time = time.time()
    response = await call_next(request)
    duration = time.time() - start_time
    REQUEST_DURATION.labels(method=request.method, endpoint=request.url.path).observe(duration)
    REQUEST_COUNT.labels(method=request.method, endpoint=request.url.path, status=response.status_code).inc()
    logger.info(f"{request.method} {request.url.path} - Status: {response.status_code} - Duration: {duration:.4f}s")
    return response


@app.get("/")
async def root():
    REQUEST_COUNT.labels(method="GET", endpoint="/", status=200).inc()
    return {"message": "Heart Disease Prediction API", "status": "operational"}


@app.get("/health")
async def health_check():
    health_status = {"status": "healthy", "model_loaded": model is not None, "preprocessor_loaded": preprocessor is not None}
    if not health_status["model_loaded"] or not health_status["preprocessor_loaded"]:
        health_status["status"] = "degraded"
        return JSONResponse(status_code=503, content=health_status)
    return health_status


@app.get("/metrics")
async def metrics():
    return Response(content=generate_latest(), media_type=CONTENT_TYPE_LATEST)


@app.post("/predict", response_model=PredictionResponse)
async def predict(input_data: HeartDiseaseInput):
    if model is None or preprocessor is None:
        logger.error("Model or preprocessor not loaded")
        raise HTTPException(status_code=503, detail="Model not available. Please check if model files are present.")
    try:
        input_df = pd.DataFrame([input_data.dict()])
        X_processed = preprocessor.transform(input_df)
        prediction = model.predict(X_processed)[0]
        probability = model.predict_proba(X_processed)[0][1]
        confidence = "Low" if probability < 0.3 else "Medium" if probability < 0.7 else "High"
        logger.info(f"Prediction: {prediction}, Probability: {probability:.4f}")
        PREDICTION_COUNT.labels(prediction_class=str(prediction)).inc()
        return PredictionResponse(prediction=int(prediction), probability=float(probability), confidence=confidence)
    except Exception as e:
        logger.error(f"Error during prediction: {e}")
        raise HTTPException(status_code=500, detail=f"Prediction failed: {str(e)}")


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=8000)
