import hashlib
import hmac

import pandas as pd
from fastapi import APIRouter, Depends, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader
from sqlalchemy.orm import Session

from app.db import crud
from app.db.session import get_db
from app.schemas.prediction import PredictionInput, PredictionOutput, PredictionRecord

router = APIRouter()

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


async def verify_api_key(request: Request, api_key: str = Security(api_key_header)):
    if not api_key:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Missing or invalid API key")
    hashed = hashlib.sha256(api_key.encode()).hexdigest()
    if not hmac.compare_digest(hashed, request.app.state.settings.api_key):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Missing or invalid API key")


@router.get("/health", tags=["Monitoring"])
def health_check():
    return {"status": "ok", "message": "API up"}


@router.post("/predict", response_model=PredictionOutput, dependencies=[Depends(verify_api_key)])
def predict_churn(data: PredictionInput, request: Request, db: Session = Depends(get_db)):
    pipeline = request.app.state.pipeline
    threshold = request.app.state.threshold
    df = pd.DataFrame([data.model_dump()])
    proba = float(pipeline.predict_proba(df)[0][1])
    prediction = int(proba >= threshold)
    output = PredictionOutput(prediction=prediction, label="Leaves" if prediction else "Stays", probability=round(proba, 4))
    record = crud.log_prediction(db, data, output)
    request.state.prediction_id = record.id
    return output


@router.get("/predictions", response_model=list[PredictionRecord], dependencies=[Depends(verify_api_key)])
def get_predictions(skip: int = 0, limit: int = 100, db: Session = Depends(get_db)):
    records = crud.get_predictions(db, skip=skip, limit=limit)
    return [PredictionRecord.model_validate(r) for r in records]
