from typing import Dict

from pydantic import BaseModel


class PredictionRequest(BaseModel):
    features: Dict[str, float]


class PredictionResponse(BaseModel):
    prediction: float
    model_version: str


class HealthResponse(BaseModel):
    status: str
    model_loaded: bool
    uptime: float
