from fastapi import FastAPI, HTTPException
import httpx
import asyncio
import logging
import os
import json
from typing import List, Dict, Any
import time
import traceback

logging.basicConfig()
logger = logging.getLogger(__name__)

app = FastAPI()

DATA_SERVICE_URL = os.getenv("DATA_SERVICE_URL", "http://data_service:8001")
MODEL_SERVICE_URL = os.getenv("MODEL_SERVICE_URL", "http://model_training:8002")


async def assess_heart_disease_risk(result, mean_proba, threshold=0.5):
    risks = [r["Probability_At_Risk"] for r in result]
    risk_count = sum(1 for p in risks if p > threshold)
    return f"{risk_count} of {len(risks)} models see a risk (mean {mean_proba:.2f})."


@app.get("/data")
async def get_data():
    try:
        async with httpx.AsyncClient(timeout=600.0) as client:
            response = await client.get(DATA_SERVICE_URL + "/data")
            response.raise_for_status()
        return response.json()
    except Exception as e:
        logger.error(f"An error occurred: {e}")

    return None


@app.post("/upload")
async def upload_data(data: dict):
    try:
        async with httpx.AsyncClient() as client:
            response = await client.post(DATA_SERVICE_URL + "/patients", json=data)
            response.raise_for_status()
            return response.json()
    except Exception as e:
        logger.error(f"An error occurred: {e}")
        raise HTTPException(status_code=400, detail=str(e))


@app.post("/trigger_upload")
async def upload_retrain(data: dict):
    try:
        response_upload = await upload_data(data)
        response_training = await trigger_training()
        return {
            'response_upload': response_upload.get('status'),
            'response_training': response_training.get('message')
        }
    except Exception as e:
        logger.error(f"An error occurred: {e}")


@app.post("/call_training")
async def orchestrator_train_models(train_data: dict):
    try:
        # Extended timeout (16.7 hours) for potentially long training processes
        async with httpx.AsyncClient(timeout=60000.0) as client:
            resp = await client.post(f"{MODEL_SERVICE_URL}/train", json=train_data)
            resp.raise_for_status()
            return {"success": True, "status_code": resp.status_code}
    except Exception as e:
        logger.error(f"Error: {e}")
        raise HTTPException(status_code=400, detail=str(e))


@app.post("/call_inference")
async def call_prediction(features: List[Dict[str, Any]]):
    try:
        async with httpx.AsyncClient(timeout=60000.0) as client:
            response = await client.post(
                MODEL_SERVICE_URL + "/inference", json=features
            )
            response.raise_for_status()
            response_data = response.json()

        logger.info(f"Inference Response: {response_data}")

        if "final_results" not in response_data or "mean_proba" not in response_data:
            raise HTTPException(
                status_code=400,
                detail=f"Inference response malformed: {response_data}"
            )

        result_text = await assess_heart_disease_risk(
            response_data["final_results"], response_data["mean_proba"]
        )

        return {
            "result_text": result_text,
            "final_results": response_data["final_results"],
            "mean_proba": response_data["mean_proba"],
        }

    except Exception as e:
        logger.error(f"An error occurred in call_prediction: {e}")
        raise HTTPException(status_code=400, detail=f"Prediction error: {str(e)}")


async def _trigger_training_logic():
    data = await get_data()
    if not data:
        raise HTTPException(status_code=400, detail="No data for training.")
    resp = await orchestrator_train_models(data)
    return {"message": "Training successful.", "info": resp}


@app.post("/start_training")
async def trigger_training():
    try:
        result = await _trigger_training_logic()
        return result
    except Exception as e:
        logger.error(f"Error in trigger_training: {e}")
        raise HTTPException(status_code=400, detail=str(e))


@app.post("/start_inference")
async def start_prediction(features: List[Dict[str, Any]]):
    try:
        async with httpx.AsyncClient(timeout=600.0) as client:
            response = await client.post(
                DATA_SERVICE_URL + "/clean",
                json=features,
                params={"drop_target": True}
            )
            response.raise_for_status()
            clean_features = response.json()

        prediction_response = await call_prediction(clean_features)
        return prediction_response
    except Exception as e:
        raise HTTPException(status_code=400, detail=f"Prediction error: {str(e)}")


@app.on_event("startup")
async def startup_event():
    """Checks /check at model_training; if no models are available, trains before serving."""
    logger.info("Startup: Waiting for model_training service...")
    start_time = time.time()
    timeout = 10
    retry_interval = 2

    while True:
        try:
            async with httpx.AsyncClient(timeout=600.0) as client:
                resp = await client.get(f"{MODEL_SERVICE_URL}/check")

                try:
                    data = resp.json()
                    if data.get("message") == "No models available.":
                        logger.info("No models found. Triggering training...")
                        await _trigger_training_logic()
                    else:
                        logger.info("Models exist. No training needed.")
                    break
                except json.JSONDecodeError:
                    logger.error(f"JSON decode error in startup_event. Raw text: {await resp.aread()}")
                    break

        except Exception as e:
            if time.time() - start_time > timeout:
                logger.error("Timeout: model_training service not reachable.")
                logger.error(traceback.format_exc())
                break
            logger.warning("model_training service not yet reachable... retrying...")
            await asyncio.sleep(retry_interval)
