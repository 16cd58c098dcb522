from pydantic import BaseModel


class PredictionRequest(BaseModel):
    features: list

class PredictionResponse(BaseModel):
    id: int
    result: int
