"""Breast cancer diagnosis API, the service Tutorial 04 watches.

Run:  uvicorn app.main:app --host 0.0.0.0 --port 8000
"""
import json
import os
import time
from collections import deque
from pathlib import Path
from typing import Dict, List

import httpx
import joblib
import pandas as pd
from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException
from fastapi.responses import PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, Field, FiniteFloat

from app.metrics import CAPTURE_FAILURES, ERRORS, LATENCY, MODEL_LOADED, PREDICTIONS
from app.ops import require_ops

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"
THRESHOLD = 0.5

app = FastAPI(title="WDBC diagnosis API", version="1.0.0")

state: Dict[str, object] = {"model": None, "card": None}
recent: deque = deque(maxlen=200)


class PredictRequest(BaseModel):
    sample_id: str = Field(..., min_length=1, max_length=80)
    features: Dict[str, FiniteFloat]


def install_model(model, card):
    state["bundle"] = (model, card)
    state["model"] = model
    state["card"] = card
    MODEL_LOADED.set(1)


@app.on_event("startup")
def load_model() -> None:
    if os.getenv("MLFLOW_TRACKING_URI"):
        from app.registry import champion, retrain
        loaded = champion()
        if loaded is None:
            result = retrain()
            if not result["promoted"]:
                raise RuntimeError("initial model failed the quality gate")
            loaded = champion()
        install_model(*loaded)
        return
    path = MODELS / "model.joblib"
    if not path.exists():
        MODEL_LOADED.set(0)
        return
    install_model(joblib.load(path), json.loads((MODELS / "model_card.json").read_text()))


def capture(features):
    url = os.getenv("EVIDENTLY_URL")
    if not url:
        return
    try:
        response = httpx.post(url + "/capture", json={"features": features}, timeout=2,
                              headers={"X-Ops-Token": os.getenv("OPS_TOKEN", "tutorial-local-only")})
        response.raise_for_status()
    except httpx.HTTPError:
        CAPTURE_FAILURES.inc()


@app.get("/health")
def health() -> dict:
    # The health check reports what it can actually do, not merely that the process is alive.
    return {"status": "ok" if state["model"] else "degraded",
            "model_loaded": state["model"] is not None,
            "version": (state["card"] or {}).get("version")}


@app.post("/predict")
def predict(req: PredictRequest, background: BackgroundTasks) -> dict:
    model, card = state.get("bundle", (state["model"], state["card"]))
    if model is None:
        ERRORS.labels(reason="model_not_loaded").inc()
        raise HTTPException(status_code=503, detail="model not loaded")

    features: List[str] = card["features"]
    missing = [f for f in features if f not in req.features]
    if missing:
        ERRORS.labels(reason="missing_features").inc()
        raise HTTPException(status_code=422, detail=f"missing features: {missing[:3]}")

    start = time.perf_counter()
    frame = pd.DataFrame([[req.features[f] for f in features]], columns=features)
    probability = float(model.predict_proba(frame)[0, 1])
    LATENCY.observe(time.perf_counter() - start)

    outcome = "malignant" if probability >= THRESHOLD else "benign"
    PREDICTIONS.labels(outcome=outcome).inc()
    background.add_task(capture, {f: req.features[f] for f in features})
    return {"sample_id": req.sample_id, "probability": round(probability, 6), "outcome": outcome,
            "model_version": card["version"]}


class RetrainRequest(BaseModel):
    candidate: str = Field(default="logistic", pattern="^(logistic|dummy)$")


@app.post("/ops/retrain", dependencies=[Depends(require_ops)])
def retrain_model(request: RetrainRequest):
    if not os.getenv("MLFLOW_TRACKING_URI"):
        raise HTTPException(status_code=503, detail="MLflow registry is not configured")
    from app.registry import champion, retrain
    result = retrain(request.candidate)
    if result["promoted"]:
        install_model(*champion())
    return result


@app.get("/metrics")
def metrics() -> PlainTextResponse:
    return PlainTextResponse(generate_latest(), media_type=CONTENT_TYPE_LATEST)
