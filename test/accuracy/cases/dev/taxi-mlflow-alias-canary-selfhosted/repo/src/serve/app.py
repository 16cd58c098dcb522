import os
import sys
import threading
import random
import logging
from typing import List, Dict, Any, Optional

import pandas as pd
import mlflow
import mlflow.pyfunc as pyfunc
from mlflow.exceptions import MlflowException

from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel

sys.path.append("/app/src")
from utils.preprocessing.s1 import preprocess_data  # type: ignore

logging.basicConfig(
    level=os.getenv("LOG_LEVEL", "INFO"),
    format="%(asctime)s %(levelname)s [%(name)s] %(message)s",
)
logger = logging.getLogger("taxi-serving")

MLFLOW_TRACKING_URI = os.getenv("MLFLOW_TRACKING_URI")
MODEL_NAME = os.getenv("MODEL_NAME", "taxi-duration")
ALIAS_STABLE = os.getenv("MODEL_ALIAS_STABLE", "production")
ALIAS_CAND = os.getenv("MODEL_ALIAS_CAND") or "staging"

if not MLFLOW_TRACKING_URI:
    logger.warning("MLFLOW_TRACKING_URI is not set! Model loading will fail.")

mlflow.set_tracking_uri(MLFLOW_TRACKING_URI)
logger.info("CONFIG: MLFLOW_TRACKING_URI=%r", MLFLOW_TRACKING_URI)

app = FastAPI(title="Taxi Canary", version="1.0")


class PredictPayload(BaseModel):
    records: List[Dict[str, Any]]


class WeightsBody(BaseModel):
    stable_weight: Optional[int] = None
    cand_weight: Optional[int] = None


_models: Dict[str, pyfunc.PyFuncModel] = {}
_ml = threading.Lock()
_st = threading.Lock()
state = {"stable_weight": 100, "cand_weight": 0}


def _load(alias: str) -> pyfunc.PyFuncModel:
    with _ml:
        if alias in _models:
            return _models[alias]

        model_uri = f"models:/{MODEL_NAME}@{alias}"
        logger.info("Loading model: alias=%s, uri=%s", alias, model_uri)

        try:
            m = pyfunc.load_model(model_uri)
        except MlflowException as e:
            logger.exception("MLflow error while loading model alias=%s", alias)
            raise
        except Exception as e:
            logger.exception("Unexpected error while loading model alias=%s", alias)
            raise

        _models[alias] = m
        return m


def _pick() -> str:
    with _st:
        cw = int(state["cand_weight"])
    return "candidate" if random.randrange(100) < cw else "stable"


@app.get("/health")
def health():
    with _st:
        sw, cw = state["stable_weight"], state["cand_weight"]
    logger.info("Health check: stable_weight=%s, cand_weight=%s", sw, cw)
    return {"ok": True, "weights": {"stable": sw, "candidate": cw}}


@app.post("/predict")
def predict(p: PredictPayload):
    logger.info("Received /predict request with %d record(s)", len(p.records))

    try:
        try:
            df = preprocess_data(pd.DataFrame(p.records))
        except Exception as e:
            logger.exception("Error during preprocessing in /predict")
            raise HTTPException(
                status_code=400,
                detail=f"Preprocessing error: {e}",
            )

        backend = _pick()
        alias = ALIAS_STABLE if backend == "stable" else ALIAS_CAND

        try:
            m = _load(alias)
        except Exception as e:
            raise HTTPException(
                status_code=503,
                detail=f"Failed to load model alias '{alias}': {e}",
            )

        try:
            y = m.predict(df)
        except Exception as e:
            logger.exception("Error during model.predict for alias=%s", alias)
            raise HTTPException(
                status_code=500,
                detail=f"Prediction error for alias '{alias}': {e}",
            )

        preds = [float(v) for v in y]
        return JSONResponse({"backend": backend, "alias": alias, "predictions": preds})

    except HTTPException:
        raise
    except Exception as e:
        logger.exception("Unexpected error in /predict")
        raise HTTPException(
            status_code=500,
            detail=f"Unexpected error in /predict: {e}",
        )


@app.post("/admin/weights")
def weights(body: WeightsBody):
    logger.info("Received /admin/weights body=%s", body.dict())
    if body.stable_weight is None and body.cand_weight is None:
        raise HTTPException(status_code=400, detail="set a weight")

    with _st:
        if body.stable_weight is not None:
            state["stable_weight"] = int(body.stable_weight)
        if body.cand_weight is not None:
            state["cand_weight"] = int(body.cand_weight)
        if body.stable_weight is None:
            state["stable_weight"] = 100 - state["cand_weight"]
        if body.cand_weight is None:
            state["cand_weight"] = 100 - state["stable_weight"]
        t = state["stable_weight"] + state["cand_weight"]
        if t != 100:
            sw = round(100 * state["stable_weight"] / t)
            state["stable_weight"] = sw
            state["cand_weight"] = 100 - sw

    return {"ok": True, "weights": state}


@app.post("/admin/reload")
def reload_models():
    logger.info("Received /admin/reload - clearing model cache")
    with _ml:
        _models.clear()
    return {"ok": True}


@app.get("/debug/state")
def debug_state():
    """DO NOT expose this in a real public deployment."""
    with _st:
        sw, cw = state["stable_weight"], state["cand_weight"]
    return {
        "weights": {"stable_weight": sw, "cand_weight": cw},
        "loaded_aliases": list(_models.keys()),
        "config": {
            "MODEL_NAME": MODEL_NAME,
            "MLFLOW_TRACKING_URI": MLFLOW_TRACKING_URI,
        },
    }
