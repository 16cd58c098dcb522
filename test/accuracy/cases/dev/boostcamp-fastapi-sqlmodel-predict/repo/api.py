from fastapi import APIRouter, HTTPException, status
from schemas import PredictionRequest, PredictionResponse
from dependencies import get_model
from database import PredictionResult, engine
from sqlmodel import Session, select
from typing import List


router = APIRouter()

@router.post('/predict')
def predict(request: PredictionRequest) -> PredictionResponse:
    model = get_model()

    prediction = int(model.predict([request.features])[0])

    # store the result
    prediction_result = PredictionResult(result=prediction)
    with Session(engine) as session:
        session.add(prediction_result)
        session.commit()
        session.refresh(prediction_result)

    return PredictionResponse(id=prediction_result.id, result=prediction)

@router.get('/predict')
def get_predictions() -> List[PredictionResponse]:
    with Session(engine) as session:
        statement = select(PredictionResult)
        prediction_results = session.exec(statement).all()

        return [
            PredictionResponse(id=prediction_result.id, result=prediction_result.result)
            for prediction_result in prediction_results
        ]

@router.get('/predict/{id}')
def get_prediction(id: int) -> PredictionResponse:
    with Session(engine) as session:
        prediction_result = session.get(PredictionResult, id)
        if not prediction_result:
            raise HTTPException(
                detail='Not found', status_code=status.HTTP_404_NOT_FOUND
            )
        return PredictionResponse(
            id=prediction_result.id, result=prediction_result.result
        )
