from datetime import datetime

from pydantic import BaseModel, Field


class HealthResponse(BaseModel):
    status: str


class PredictionRequest(BaseModel):
    zone_id: int = Field(ge=1, le=265)
    target_datetime: datetime


class PredictionResponse(BaseModel):
    zone_id: int
    target_datetime: datetime
    predicted_demand: float
    model_version: str
