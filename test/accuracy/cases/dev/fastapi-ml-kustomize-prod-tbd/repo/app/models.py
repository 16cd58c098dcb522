from pydantic import BaseModel


class Passenger(BaseModel):
    """Passenger to predict survival for."""

    PassengerId: int
    Pclass: int
    Name: str
    Sex: str
    Age: float
    SibSp: int
    Parch: int
    Ticket: str
    Fare: float
    Cabin: str
    Embarked: str


class PassengerSurvivalPrediction(BaseModel):
    passenger_id: int
    survived: bool
    score: float


class SurvivalPredictionByPassengerIds(BaseModel):
    predictions: list[PassengerSurvivalPrediction]
    metadata: dict
