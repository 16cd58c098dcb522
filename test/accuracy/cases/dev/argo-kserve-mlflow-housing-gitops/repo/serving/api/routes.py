import logging

import pandas as pd
from fastapi import APIRouter, HTTPException, Request

from api.schemas import PredictionRequest, PredictionResponse

logger = logging.getLogger("api-predict")

router = APIRouter()


@router.post("/predict", response_model=PredictionResponse)
def predict_prices(request: PredictionRequest, http_request: Request):
    """Run model inference on input housing features."""
    try:
        records = [row.model_dump() for row in request.data]
        df = pd.DataFrame(records)

        logger.info(f"Received prediction request with {len(df)} records")

        model = http_request.app.state.model
        preds = model.predict(df)

        logger.info("Prediction request completed successfully")
        return PredictionResponse(predictions=preds.tolist())

    except Exception as e:
        logger.exception("Prediction failed")
        raise HTTPException(status_code=500, detail=str(e))
