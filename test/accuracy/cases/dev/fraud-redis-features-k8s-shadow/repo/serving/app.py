"""
Real-Time Fraud Detection API
=============================
FastAPI service for low-latency fraud detection inference.
Fetches real-time features from Redis and returns predictions with confidence scores.
"""

import os
import time
import json
import asyncio
import httpx
import logging
from datetime import datetime
from typing import Optional, Dict, Any, List
from contextlib import asynccontextmanager

import redis
import mlflow
import pandas as pd
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field
from prometheus_client import Counter, Histogram, Gauge, generate_latest, CONTENT_TYPE_LATEST
from starlette.responses import Response
import uuid

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)

REDIS_HOST = os.getenv('REDIS_HOST', 'localhost')
REDIS_PORT = int(os.getenv('REDIS_PORT', '6379'))
MLFLOW_TRACKING_URI = os.getenv('MLFLOW_TRACKING_URI', 'http://localhost:5000')
MODEL_NAME = os.getenv('MODEL_NAME', 'fraud_detection_model')
MODEL_STAGE = os.getenv('MODEL_STAGE', 'None')  # 'Production', 'Staging', or 'None' for latest
SHADOW_MODEL_URL = os.getenv('SHADOW_MODEL_URL')

AB_TESTING_ENABLED = os.getenv('AB_TESTING_ENABLED', 'false').lower() == 'true'
AB_TRAFFIC_SPLIT = float(os.getenv('AB_TRAFFIC_SPLIT', '0.1'))
AB_EXPERIMENT_NAME = os.getenv('AB_EXPERIMENT_NAME', 'fraud_model_ab_test')

DEFAULT_THRESHOLD = 0.5

NUMERIC_FEATURES = [
    'amount',
    'transaction_count_10m',
    'transaction_count_1h',
    'avg_amount_30d',
    'std_amount_30d',
    'velocity_score',
    'amount_zscore',
    'hour_of_day',
    'is_high_risk_merchant',
    'customer_age',
]

HIGH_RISK_CATEGORIES = ['gambling', 'crypto_exchange', 'money_transfer', 'electronics']

PREDICTION_COUNTER = Counter('fraud_predictions_total', 'Total number of fraud predictions', ['prediction', 'model_version'])
INFERENCE_LATENCY = Histogram('inference_latency_seconds', 'Time spent on inference')
MODEL_LOADED = Gauge('model_loaded', 'Whether the model is loaded (1) or not (0)')
AB_EXPERIMENT_COUNTER = Counter('ab_experiment_assignments_total', 'Count of A/B experiment assignments', ['experiment', 'variant'])


class TransactionRequest(BaseModel):
    """Transaction payload for fraud prediction."""
    transaction_id: str = Field(..., description="Unique transaction identifier")
    user_id: str = Field(..., description="User/cardholder identifier")
    amount: float = Field(..., description="Transaction amount", gt=0)
    currency: str = Field(default="GBP", description="Currency code")
    merchant_id: str = Field(..., description="Merchant identifier")
    merchant_category: str = Field(..., description="Merchant Category Code")
    timestamp: Optional[str] = Field(default=None, description="Transaction timestamp (ISO format)")
    customer_age: Optional[int] = Field(default=35, description="Customer age for fairness checks")


class PredictionResponse(BaseModel):
    transaction_id: str
    prediction: str
    probability: float
    model_version: str
    experiment_variant: Optional[str] = None


class HealthResponse(BaseModel):
    status: str
    model_loaded: bool
    redis_connected: bool
    model_version: str


class ModelState:
    """Singleton to hold model and connections."""
    model = None
    model_version = "unknown"
    threshold = DEFAULT_THRESHOLD
    redis_client = None


class AuditLogger:
    """
    Immutable audit log for compliance.
    Logs every prediction to a separate secure ledger.
    """
    def __init__(self, log_file="audit_log.jsonl"):
        self.log_file = log_file

    def log(self, transaction_id: str, request_payload: Dict, prediction: Dict, model_version: str):
        event = {
            "event_id": str(uuid.uuid4()),
            "timestamp": datetime.now().isoformat(),
            "transaction_id": transaction_id,
            "inputs": request_payload,
            "outputs": prediction,
            "model_version": model_version,
            "hash": "sha256_placeholder"  # In prod, this would be a hash of the event
        }
        with open(self.log_file, "a") as f:
            f.write(json.dumps(event) + "\n")


state = ModelState()
audit_logger = AuditLogger()


@asynccontextmanager
async def lifespan(app: FastAPI):
    """Load model and establish connections on startup."""
    try:
        state.redis_client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, decode_responses=True, socket_timeout=5)
        state.redis_client.ping()
    except Exception as e:
        logger.warning(f"Redis connection failed: {e}")
        state.redis_client = None

    try:
        mlflow.set_tracking_uri(MLFLOW_TRACKING_URI)
        client = mlflow.tracking.MlflowClient()

        try:
            if MODEL_STAGE != 'None':
                model_uri = f"models:/{MODEL_NAME}/{MODEL_STAGE}"
            else:
                versions = client.get_latest_versions(MODEL_NAME)
                if versions:
                    latest = versions[0]
                    state.model_version = f"v{latest.version}"
                    model_uri = f"models:/{MODEL_NAME}/{latest.version}"
                else:
                    raise Exception("No model versions found in registry")

            state.model = mlflow.xgboost.load_model(model_uri)
            MODEL_LOADED.set(1)

        except Exception as e:
            logger.warning(f"Could not load from registry: {e}")
            try:
                experiment = client.get_experiment_by_name("fraud_detection")
                runs = client.search_runs(
                    experiment_ids=[experiment.experiment_id],
                    order_by=["start_time DESC"],
                    max_results=1
                )
                latest_run = runs[0]
                model_uri = f"runs:/{latest_run.info.run_id}/model"
                state.model = mlflow.xgboost.load_model(model_uri)
                state.model_version = f"run-{latest_run.info.run_id[:8]}"
                MODEL_LOADED.set(1)
            except Exception as e2:
                logger.warning(f"Could not load from runs: {e2}")
                logger.info("Using rule-based fallback model for demo")
                state.model = "rule-based"
                state.model_version = os.getenv("MODEL_VERSION", "fallback-v1")
                MODEL_LOADED.set(1)

    except Exception as e:
        logger.error(f"MLflow connection failed: {e}")
        MODEL_LOADED.set(0)

    yield

    if state.redis_client:
        state.redis_client.close()


app = FastAPI(title="Real-Time Fraud Detection API", version="1.0.0", lifespan=lifespan)


def get_features_from_redis(user_id: str) -> Dict[str, Any]:
    """Fetch real-time features from Redis. Returns empty dict if user not found (new user)."""
    if not state.redis_client:
        return {}

    try:
        key = f"fraud_detection:user_realtime_features:{user_id}"
        features = state.redis_client.hgetall(key)
        return {k: float(v) for k, v in features.items()}
    except Exception as e:
        logger.warning(f"Redis fetch error for {user_id}: {e}")
        return {}


def prepare_features(transaction: TransactionRequest, redis_features: Dict) -> pd.DataFrame:
    now = datetime.now()
    features = {
        'transaction_count_10m': redis_features.get('transaction_count_10m', 0),
        'transaction_count_1h': redis_features.get('transaction_count_1h', 0),
        'avg_amount_30d': redis_features.get('avg_amount_30d', transaction.amount),
        'std_amount_30d': redis_features.get('std_amount_30d', 0),
        'velocity_score': redis_features.get('velocity_score', 0),
        'amount': transaction.amount,
        'hour_of_day': now.hour,
        'is_high_risk_merchant': 1 if transaction.merchant_category in HIGH_RISK_CATEGORIES else 0,
        'customer_age': transaction.customer_age if transaction.customer_age is not None else 35,
    }
    std_30d = features['std_amount_30d']
    features['amount_zscore'] = (transaction.amount - features['avg_amount_30d']) / std_30d if std_30d > 0 else 0
    df = pd.DataFrame([features])
    return df[NUMERIC_FEATURES]


async def send_to_shadow(transaction: TransactionRequest, v1_response: PredictionResponse):
    """Fire-and-forget shadow request to V2 model."""
    try:
        async with httpx.AsyncClient() as client:
            response = await client.post(SHADOW_MODEL_URL, json=transaction.dict(), timeout=2.0)
            if response.status_code == 200:
                v2_prob = response.json().get('probability', 0.0)
                logger.info(f"SHADOW_COMPARE | TxID: {transaction.transaction_id} | V1: {v1_response.probability:.4f} | V2: {v2_prob:.4f}")
    except Exception as e:
        logger.error(f"Shadow request failed (Ignored): {e}")


@app.post("/predict", response_model=PredictionResponse)
async def predict(transaction: TransactionRequest):
    """Real-time fraud prediction endpoint."""
    if state.model is None:
        raise HTTPException(status_code=503, detail="Model not loaded. Please wait for initialization.")

    try:
        redis_features = get_features_from_redis(transaction.user_id)

        feature_df = prepare_features(transaction, redis_features)

        inference_start = time.time()

        if state.model == "rule-based":
            score = 0.1
            if transaction.amount > 1000:
                score += 0.3
            if transaction.merchant_category in HIGH_RISK_CATEGORIES:
                score += 0.2
            probability = min(score, 0.99)
        else:
            probability = float(state.model.predict_proba(feature_df.values)[0, 1])

        INFERENCE_LATENCY.observe(time.time() - inference_start)

        is_fraud = probability >= state.threshold
        prediction = "fraud" if is_fraud else "legitimate"

        PREDICTION_COUNTER.labels(prediction=prediction, model_version=state.model_version).inc()

        experiment_variant = None
        if AB_TESTING_ENABLED:
            variant_hash = hash(transaction.transaction_id) % 100
            if variant_hash < (AB_TRAFFIC_SPLIT * 100):
                experiment_variant = 'treatment'
            else:
                experiment_variant = 'control'
            AB_EXPERIMENT_COUNTER.labels(experiment=AB_EXPERIMENT_NAME, variant=experiment_variant).inc()

        response = PredictionResponse(
            transaction_id=transaction.transaction_id,
            prediction=prediction,
            probability=round(probability, 4),
            model_version=state.model_version,
            experiment_variant=experiment_variant
        )

        if is_fraud:
            logger.warning(f"FRAUD DETECTED: {transaction.transaction_id} "
                           f"(user={transaction.user_id}, amount={transaction.amount}, "
                           f"prob={probability:.3f})")

        audit_logger.log(
            transaction_id=transaction.transaction_id,
            request_payload=transaction.dict(),
            prediction=response.dict(),
            model_version=state.model_version
        )

        if SHADOW_MODEL_URL:
            asyncio.create_task(send_to_shadow(transaction, response))

        return response

    except Exception as e:
        logger.error(f"Prediction error: {e}")
        raise HTTPException(status_code=500, detail=str(e))


@app.get("/health", response_model=HealthResponse)
async def health():
    """Health check endpoint for load balancers and Kubernetes."""
    redis_ok = False
    if state.redis_client:
        try:
            state.redis_client.ping()
            redis_ok = True
        except Exception:
            pass

    return HealthResponse(
        status="healthy" if state.model is not None else "degraded",
        model_loaded=state.model is not None,
        redis_connected=redis_ok,
        model_version=state.model_version,
    )


@app.get("/metrics")
async def metrics():
    """Prometheus metrics endpoint."""
    return Response(content=generate_latest(), media_type=CONTENT_TYPE_LATEST)
