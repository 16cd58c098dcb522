from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field
import uvicorn
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), '..'))
from src.pipelines.prediction_pipeline import make_prediction
from src.utils.logger import get_logger

logger = get_logger("API")

app = FastAPI(title="Titanic Survival Prediction API", version="1.0.0")


class PassengerData(BaseModel):
    PassengerId: int = Field(..., description="passenger id")
    Name: str = Field(..., description="name")
    Pclass: int = Field(..., ge=1, le=3)
    Sex: str = Field(..., pattern="^(male|female)$")
    Age: float = Field(..., ge=0, le=120)
    SibSp: int = Field(0, ge=0)
    Parch: int = Field(0, ge=0)
    Ticket: str = Field("Unknown")
    Fare: float = Field(..., ge=0)
    Cabin: str = Field(None)
    Embarked: str = Field("S", pattern="^(S|C|Q)$")


BASE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODEL_PATH = os.path.join(BASE_DIR, 'models', 'titanic_pipeline.pkl')


@app.get("/")
def read_root():
    """Health Check Endpoint"""
    return {"status": "healthy", "service": "Titanic API", "version": "1.0.0"}


@app.post("/predict")
def predict_survival(passenger: PassengerData):
    try:
        logger.info(f"request received: {passenger.Name}")
        data_dict = passenger.dict()
        result = make_prediction(data_dict, MODEL_PATH)
        return {"passenger_name": passenger.Name, "prediction": result, "success": True}

    except Exception as e:
        logger.error(f"API error: {str(e)}")
        raise HTTPException(status_code=500, detail=str(e))


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
