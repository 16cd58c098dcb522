"""API route definitions."""
import asyncio
import logging
import math

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel

from src.app.dependencies import get_model

logger = logging.getLogger(__name__)
router = APIRouter()


class PredictionRequest(BaseModel):
    features: list[float]


@router.get("/health")
async def health_check():
    """Liveness probe — returns ok if the process is running."""
    return {"status": "ok"}


@router.get("/ready")
async def readiness_check(model=Depends(get_model)):
    """Readiness probe — ok only when the model is loaded."""
    if model is None:
        raise HTTPException(status_code=503, detail="Model not ready")
    return {"status": "ready"}


@router.post("/predict")
async def predict(request: PredictionRequest, http_request: Request, model=Depends(get_model)):
    request_id = getattr(http_request.state, "request_id", "unknown")
    try:
        loop = asyncio.get_event_loop()
        prediction = await asyncio.wait_for(
            loop.run_in_executor(None, model.predict, request.features),
            timeout=5.0,
        )
        prediction = float(prediction)
        if not math.isfinite(prediction):
            raise ValueError("Model returned a non-finite value")
        return {"prediction": prediction}
    except asyncio.TimeoutError:
        logger.error("Prediction timed out", extra={"request_id": request_id})
        raise HTTPException(status_code=500, detail="Prediction failed. Contact support.")
    except (ValueError, RuntimeError) as e:
        logger.error("Prediction failed", extra={"request_id": request_id, "error": str(e)})
        raise HTTPException(status_code=500, detail="Prediction failed. Contact support.")
