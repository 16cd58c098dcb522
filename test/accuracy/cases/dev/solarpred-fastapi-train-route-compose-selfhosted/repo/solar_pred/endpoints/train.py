import traceback

from fastapi import APIRouter, HTTPException, status
from starlette.requests import Request

from solar_pred.core.input_validation import TrainingInput
from solar_pred.core.preprocessing.processor import DataProcessor

router = APIRouter()


@router.post("/train", name="train")
def train(request: Request, input_data: TrainingInput) -> dict:
    try:
        model = request.app.state.model
        data_processor = DataProcessor()

        train_data = data_processor.preprocess_training_input(input_data)

        model.fit_model(train_data)

        return {"status": "OK", "status_code": 200}

    except Exception as e:
        traceback.print_exc()
        raise HTTPException(status_code=status.HTTP_503_SERVICE_UNAVAILABLE, detail=e.__class__.__name__)
