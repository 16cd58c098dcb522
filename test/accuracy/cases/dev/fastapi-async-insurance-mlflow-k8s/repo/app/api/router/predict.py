# -*- coding: utf-8 -*-
import asyncio
import os
from typing import List

import mlflow
import numpy as np
from dotenv import load_dotenv
from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from app.api.data_class import ModelCorePrediction
from app.database import engine
from app.query import SELECT_BEST_MODEL
from app.utils import ScikitLearnModel, VarTimer
from logger import L

load_dotenv()

host_url = os.getenv("MLFLOW_HOST")
mlflow.set_tracking_uri(host_url)

router = APIRouter(
    prefix="/predict",
    tags=["predict"],
    responses={404: {"description": "Not Found"}},
)


@router.put("/insurance")
async def predict_insurance(info: ModelCorePrediction, model_name: str):
    """
    Predicts an insurance fee from age, sex, bmi, children, smoker and region.
    """

    def sync_call(info, model_name):
        model = ScikitLearnModel(model_name)
        model.load_model()

        info = info.dict()
        test_set = np.array([*info.values()]).reshape(1, -1)

        pred = model.predict_target(test_set)
        return {"result": pred.tolist()[0]}

    try:
        result = await run_in_threadpool(sync_call, info, model_name)
        L.info(
            f"Predict Args info: {info}\n\tmodel_name: {model_name}\n\tPrediction Result: {result}"
        )
        return result

    except Exception as e:
        L.error(e)
        return {"result": "Can't predict", "error": str(e)}


lock = asyncio.Lock()
atmos_model_cache = VarTimer()


@router.put("/atmos_temperature")
async def predict_temperature_(time_series: List[float]):
    """
    Takes 72 hourly temperatures and predicts the next 24.
    """

    global lock

    if len(time_series) != 72:
        L.error(f"input time_series: {time_series} is not valid")
        return {"result": "time series must have 72 values", "error": None}

    model_name = "atmos_tmp"

    if not atmos_model_cache.is_var:
        async with lock:
            if not atmos_model_cache.is_var:
                run_id = engine.execute(
                    SELECT_BEST_MODEL.format(model_name)
                ).fetchone()[0]
                print("start load model from mlflow")
                atmos_model_cache.cache_var(
                    mlflow.keras.load_model(f"runs:/{run_id}/model")
                )
                print("end load model from mlflow")

    def sync_pred_ts(time_series):
        time_series = np.array(time_series).reshape(1, 72, 1)
        result = atmos_model_cache.get_var().predict(time_series)
        atmos_model_cache.reset_timer()
        return {"result": result.tolist(), "error": None}

    try:
        result = await run_in_threadpool(sync_pred_ts, time_series)
        return result

    except Exception as e:
        L.error(e)
        return {"result": "Can't predict", "error": str(e)}
