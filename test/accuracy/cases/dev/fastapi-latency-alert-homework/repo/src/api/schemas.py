from typing import List

from pydantic import BaseModel


class PredictRequest(BaseModel):
    features: List[float]


class PredictResponse(BaseModel):
    prediction: float
    confidence: float
    version: str


class HealthResponse(BaseModel):
    status: str
    version: str
