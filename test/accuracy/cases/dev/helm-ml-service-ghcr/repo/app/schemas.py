from typing import List

from pydantic import BaseModel, Field


class PredictRequest(BaseModel):
    features: List[float] = Field(..., description="Feature vector")


class PredictResponse(BaseModel):
    score: float
    label: int
