"""Request/response schemas; ranges follow the UCI dataset documentation."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class PatientFeatures(BaseModel):
    age: int = Field(..., ge=1, le=120)
    sex: Literal[0, 1]
    cp: Literal[1, 2, 3, 4]
    trestbps: float = Field(..., ge=50, le=260)
    chol: float = Field(..., ge=80, le=700)
    fbs: Literal[0, 1]
    restecg: Literal[0, 1, 2]
    thalach: float = Field(..., ge=50, le=250)
    exang: Literal[0, 1]
    oldpeak: float = Field(..., ge=0.0, le=10.0)
    slope: Literal[1, 2, 3]
    ca: Literal[0, 1, 2, 3]
    thal: Literal[3, 6, 7]


class PredictionResponse(BaseModel):
    prediction: Literal[0, 1]
    label: Literal["No disease", "Disease"]
    probability: float = Field(..., ge=0.0, le=1.0)
    confidence: float = Field(..., ge=0.0, le=1.0)
    model_version: str


class HealthResponse(BaseModel):
    status: Literal["ok", "degraded"]
    model_loaded: bool
    model_version: str
