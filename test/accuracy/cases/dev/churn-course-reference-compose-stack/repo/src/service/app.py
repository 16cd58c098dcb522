"""Inference REST service (lesson 10: endpoints and validation, lesson 14: metrics and logs)."""
from __future__ import annotations

import time
from contextlib import asynccontextmanager

import pandas as pd
from fastapi import FastAPI, HTTPException, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

from src.config import feature_columns, load_params
from src.logging_setup import setup_logging
from src.service.model_loader import holder
from src.service.schemas import (
    BatchPrediction,
    BatchRequest,
    Customer,
    HealthResponse,
    Prediction,
)

log = setup_logging()

REQUESTS = Counter("prediction_requests_total", "Prediction requests", ["endpoint", "status"])
LATENCY = Histogram(
    "prediction_latency_seconds",
    "Prediction request latency",
    ["endpoint"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
)
# A histogram of the predictions themselves: a cheap drift detector in production.
PROBA = Histogram(
    "prediction_probability",
    "Predicted churn probabilities",
    buckets=[i / 10 for i in range(11)],
)
MODEL_LOADED = Gauge("model_loaded", "1 if the model is loaded, else 0")


@asynccontextmanager
async def lifespan(app: FastAPI):
    # The model is loaded once at start-up, never per request.
    try:
        holder.load()
        MODEL_LOADED.set(1)
    except Exception as exc:  # noqa: BLE001
        log.error("could not load the model: %s", exc)
        MODEL_LOADED.set(0)
    yield


app = FastAPI(title="Churn Prediction Service", version="1.0.0", lifespan=lifespan)


def _predict_frame(df: pd.DataFrame, threshold: float):
    if not holder.loaded:
        raise HTTPException(status_code=503, detail="Model not loaded")
    proba = holder.model.predict_proba(df)[:, 1]
    return [
        Prediction(
            churn_probability=round(float(p), 6),
            churn=int(p >= threshold),
            threshold=threshold,
            model_version=holder.version,
        )
        for p in proba
    ]


@app.get("/health", response_model=HealthResponse, tags=["service"])
def health() -> HealthResponse:
    """Is the process alive and the model loaded. Used by the compose healthcheck."""
    return HealthResponse(
        status="ok" if holder.loaded else "degraded",
        model_loaded=holder.loaded,
        model_version=holder.version,
    )


@app.post("/predict", response_model=Prediction, tags=["inference"])
def predict(customer: Customer) -> Prediction:
    params = load_params()
    threshold = params["evaluate"]["threshold"]
    start = time.perf_counter()
    try:
        df = pd.DataFrame([customer.model_dump()])[feature_columns(params)]
        result = _predict_frame(df, threshold)[0]
        PROBA.observe(result.churn_probability)
        REQUESTS.labels("predict", "ok").inc()
        return result
    except HTTPException:
        REQUESTS.labels("predict", "error").inc()
        raise
    except Exception as exc:  # noqa: BLE001
        REQUESTS.labels("predict", "error").inc()
        log.exception("prediction failed")
        raise HTTPException(status_code=500, detail=str(exc)) from exc
    finally:
        LATENCY.labels("predict").observe(time.perf_counter() - start)


@app.post("/predict/batch", response_model=BatchPrediction, tags=["inference"])
def predict_batch(request: BatchRequest) -> BatchPrediction:
    params = load_params()
    threshold = params["evaluate"]["threshold"]
    start = time.perf_counter()
    try:
        df = pd.DataFrame([i.model_dump() for i in request.items])[feature_columns(params)]
        preds = _predict_frame(df, threshold)
        for p in preds:
            PROBA.observe(p.churn_probability)
        REQUESTS.labels("predict_batch", "ok").inc()
        return BatchPrediction(predictions=preds, count=len(preds))
    except HTTPException:
        REQUESTS.labels("predict_batch", "error").inc()
        raise
    finally:
        LATENCY.labels("predict_batch").observe(time.perf_counter() - start)


@app.post("/reload", tags=["service"])
def reload_model() -> dict:
    """Load a new model version without restarting (lesson 16: the retraining flow calls /reload)."""
    holder.load()
    MODEL_LOADED.set(1 if holder.loaded else 0)
    return {"status": "reloaded", "model_version": holder.version}


@app.get("/metrics", tags=["service"])
def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


@app.middleware("http")
async def access_log(request: Request, call_next):
    start = time.perf_counter()
    response = await call_next(request)
    log.info(
        "%s %s -> %s in %.1f ms",
        request.method,
        request.url.path,
        response.status_code,
        (time.perf_counter() - start) * 1000,
    )
    return response
