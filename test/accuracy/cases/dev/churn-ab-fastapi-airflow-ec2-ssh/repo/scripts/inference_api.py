"""
FastAPI-based inference API for customer churn prediction with A/B testing support.
"""

import os
import joblib
import numpy as np
import pandas as pd
from fastapi import FastAPI, HTTPException, BackgroundTasks
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from pydantic import BaseModel, Field
from typing import List, Dict, Any
from datetime import datetime
import uuid
from prometheus_client import Counter, Histogram, generate_latest, CONTENT_TYPE_LATEST
from starlette.responses import Response
import structlog
from contextlib import asynccontextmanager
import sys
import boto3
import tempfile
import yaml
import logging


logging.basicConfig(
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(name)s %(message)s",
    handlers=[logging.StreamHandler()]
)

sys.path.append('/app/scripts')
try:
    from model_monitoring import DataDriftDetector, ModelPerformanceMonitor
    MONITORING_AVAILABLE = True
except ImportError as e:
    print(f"Warning: Monitoring module not available: {e}")
    MONITORING_AVAILABLE = False

structlog.configure(
    processors=[
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso"),
        structlog.processors.JSONRenderer()
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
)

logger = structlog.get_logger()

PREDICTION_COUNTER = Counter('predictions_total', 'Total number of predictions', ['model_version', 'endpoint'])
PREDICTION_LATENCY = Histogram('prediction_duration_seconds', 'Prediction latency', ['model_version'])
ERROR_COUNTER = Counter('prediction_errors_total', 'Total number of prediction errors', ['error_type'])

models = {}
preprocessor = None
ab_test_config = {
    'enabled': True,
    'traffic_split': 0.5,
    'model_a': None,
    'model_b': None
}
drift_detector = None

config_path = '/app/config/config.yaml'
if os.path.exists(config_path):
    with open(config_path, 'r') as f:
        config = yaml.safe_load(f)

s3 = boto3.client('s3')
s3_bucket = config['infrastructure']['aws']['s3_bucket']


class CustomerData(BaseModel):
    """Input schema for customer churn prediction."""
    gender: str = Field(..., description="Customer gender")
    SeniorCitizen: int = Field(..., description="Whether customer is senior citizen (0/1)")
    Partner: str = Field(..., description="Whether customer has partner")
    tenure: int = Field(..., description="Customer tenure in months")
    InternetService: str = Field(..., description="Customer internet service type")
    Contract: str = Field(..., description="Customer contract type")
    PaymentMethod: str = Field(..., description="Customer payment method")
    MonthlyCharges: float = Field(..., description="Customer monthly charges")
    TotalCharges: float = Field(..., description="Customer total charges")


class PredictionResponse(BaseModel):
    prediction: int
    probability: float
    model_version: str
    request_id: str
    timestamp: str


class BatchPredictionRequest(BaseModel):
    """Request schema for batch predictions."""
    customers: List[CustomerData] = Field(..., description="List of customers")


class BatchPredictionResponse(BaseModel):
    predictions: List[PredictionResponse]
    total_processed: int
    batch_id: str


class HealthResponse(BaseModel):
    status: str
    version: str
    models_loaded: List[str]
    timestamp: str


def load_models():
    """Load models and preprocessor"""
    global models, preprocessor, ab_test_config

    preprocessor_key = "models/preprocessor.pkl"
    try:
        with tempfile.NamedTemporaryFile(suffix='.pkl') as tmp:
            s3.download_file(s3_bucket, preprocessor_key, tmp.name)
            data = joblib.load(tmp.name)
            preprocessor = data['preprocessor']
            logger.info("Preprocessor loaded successfully from S3")
    except Exception as e:
        logger.warning(f"Preprocessor not found in S3: {str(e)}")

    models = {}
    try:
        response = s3.list_objects_v2(Bucket=s3_bucket, Prefix="models/")
        for obj in response.get('Contents', []):
            key = obj['Key']
            if key.endswith('.pkl') and 'preprocessor' not in key:
                model_name = os.path.basename(key).replace('.pkl', '')
                try:
                    with tempfile.NamedTemporaryFile(suffix='.pkl') as tmp:
                        s3.download_file(s3_bucket, key, tmp.name)
                        models[model_name] = joblib.load(tmp.name)
                        logger.info(f"Model {model_name} loaded successfully from S3")
                except Exception as e:
                    logger.warning(f"Failed to load model {model_name} from S3: {str(e)}")
    except Exception as e:
        logger.error(f"Failed to list or load models from S3: {str(e)}")

    model_names = list(models.keys())
    if len(model_names) >= 2:
        ab_test_config['model_a'] = model_names[0]
        ab_test_config['model_b'] = model_names[1]
    elif len(model_names) == 1:
        ab_test_config['model_a'] = model_names[0]
        ab_test_config['model_b'] = model_names[0]
        ab_test_config['enabled'] = False


def select_model_for_ab_test() -> str:
    """Select model for A/B testing based on traffic split."""
    if not ab_test_config['enabled'] or not ab_test_config['model_a']:
        return ab_test_config['model_a'] or list(models.keys())[0]

    import random
    if random.random() < ab_test_config['traffic_split']:
        return ab_test_config['model_a']
    else:
        return ab_test_config['model_b']


def preprocess_customer_data(customer_data: CustomerData) -> np.ndarray:
    """Preprocess customer data for prediction."""
    if preprocessor is None:
        raise HTTPException(status_code=500, detail="Preprocessor not loaded")

    data_dict = customer_data.dict()
    df = pd.DataFrame([data_dict])

    processed_data = preprocessor.transform(df)
    logger.info(f"Processed data for prediction: {processed_data}")
    return processed_data


@asynccontextmanager
async def lifespan(app: FastAPI):
    """Application lifespan manager."""
    logger.info("Starting up inference API...")
    load_models()
    yield
    logger.info("Shutting down inference API...")


app = FastAPI(
    title="Customer Churn Prediction API",
    version="1.0.0",
    lifespan=lifespan
)

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

app.add_middleware(
    TrustedHostMiddleware,
    allowed_hosts=["*"]
)


@app.get("/health", response_model=HealthResponse)
async def health_check():
    """Health check endpoint."""
    return HealthResponse(
        status="healthy",
        version="1.0.0",
        models_loaded=list(models.keys()),
        timestamp=datetime.now().isoformat()
    )


@app.get("/metrics")
async def metrics():
    """Prometheus metrics endpoint."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


@app.post("/predict", response_model=PredictionResponse)
async def predict_churn(
    customer: CustomerData,
    background_tasks: BackgroundTasks
):
    """Single customer churn prediction."""
    request_id = str(uuid.uuid4())
    start_time = datetime.now()

    try:
        selected_model_name = select_model_for_ab_test()

        if selected_model_name not in models:
            ERROR_COUNTER.labels(error_type="model_not_found").inc()
            raise HTTPException(status_code=500, detail=f"Model {selected_model_name} not found")

        selected_model = models[selected_model_name]

        processed_data = preprocess_customer_data(customer)

        with PREDICTION_LATENCY.labels(model_version=selected_model_name).time():
            prediction = selected_model.predict(processed_data)[0]
            probability = selected_model.predict_proba(processed_data)[0][1]

        response = PredictionResponse(
            prediction=int(prediction),
            probability=float(probability),
            model_version=selected_model_name,
            request_id=request_id,
            timestamp=start_time.isoformat()
        )

        PREDICTION_COUNTER.labels(
            model_version=selected_model_name,
            endpoint="predict"
        ).inc()

        return response

    except Exception as e:
        ERROR_COUNTER.labels(error_type="prediction_error").inc()
        logger.error(f"Prediction error: {str(e)}", request_id=request_id)
        raise HTTPException(status_code=500, detail=f"Prediction failed: {str(e)}")


@app.post("/predict/batch", response_model=BatchPredictionResponse)
async def predict_batch_churn(
    batch_request: BatchPredictionRequest,
    background_tasks: BackgroundTasks
):
    """Batch customer churn prediction."""
    batch_id = str(uuid.uuid4())
    start_time = datetime.now()

    try:
        predictions = []

        for customer in batch_request.customers:
            try:
                selected_model_name = select_model_for_ab_test()
                selected_model = models[selected_model_name]

                processed_data = preprocess_customer_data(customer)

                prediction = selected_model.predict(processed_data)[0]
                probability = selected_model.predict_proba(processed_data)[0][1]

                predictions.append(PredictionResponse(
                    prediction=int(prediction),
                    probability=float(probability),
                    model_version=selected_model_name,
                    request_id=str(uuid.uuid4()),
                    timestamp=start_time.isoformat()
                ))

            except Exception as e:
                ERROR_COUNTER.labels(error_type="batch_prediction_error").inc()
                logger.error(f"Batch prediction error for customer: {str(e)}")
                continue

        return BatchPredictionResponse(
            predictions=predictions,
            total_processed=len(predictions),
            batch_id=batch_id
        )

    except Exception as e:
        ERROR_COUNTER.labels(error_type="batch_error").inc()
        logger.error(f"Batch prediction error: {str(e)}", batch_id=batch_id)
        raise HTTPException(status_code=500, detail=f"Batch prediction failed: {str(e)}")


@app.get("/models")
async def list_models():
    """List available models."""
    return {
        "models": list(models.keys()),
        "ab_testing": ab_test_config,
        "total_models": len(models)
    }


@app.post("/models/switch")
async def switch_ab_models(model_a: str, model_b: str):
    """Switch A/B testing models."""
    if model_a not in models or model_b not in models:
        raise HTTPException(status_code=400, detail="One or both models not found")

    ab_test_config['model_a'] = model_a
    ab_test_config['model_b'] = model_b
    ab_test_config['enabled'] = True

    logger.info(f"A/B models switched: A={model_a}, B={model_b}")
    return {"message": "A/B models switched successfully", "config": ab_test_config}


@app.post("/models/traffic-split")
async def update_traffic_split(split_ratio: float):
    """Update A/B testing traffic split ratio."""
    if not 0 <= split_ratio <= 1:
        raise HTTPException(status_code=400, detail="Split ratio must be between 0 and 1")

    ab_test_config['traffic_split'] = split_ratio
    logger.info(f"Traffic split updated to {split_ratio}")
    return {"message": "Traffic split updated", "split_ratio": split_ratio}


@app.post("/monitoring/drift/check")
async def check_data_drift(data: List[CustomerData]):
    """Check for data drift in incoming data."""
    if not MONITORING_AVAILABLE or not drift_detector:
        raise HTTPException(status_code=503, detail="Drift detection not available")

    try:
        df = pd.DataFrame([customer.dict() for customer in data])
        processed_data = preprocessor.transform(df)
        drift_results = drift_detector.detect_drift(processed_data)
        return {
            "drift_detected": any(result['drift_detected'] for result in drift_results.values()),
            "feature_drift": drift_results,
        }

    except Exception as e:
        logger.error(f"Drift detection failed: {str(e)}")
        raise HTTPException(status_code=500, detail=f"Drift detection failed: {str(e)}")


if __name__ == "__main__":
    import uvicorn
    uvicorn.run(
        "inference_api:app",
        host="0.0.0.0",
        port=8000,
        reload=True
    )
