"""Request and response models for the prediction API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

FEATURE_RANGES = {
    "fat_pct": (0.0, 15.0),
    "snf_pct": (0.0, 15.0),
    "density": (0.95, 1.10),
    "ph": (5.0, 8.0),
    "freezing_point": (-1.0, 0.0),
    "conductivity": (0.0, 15.0),
}


def _reading(name: str, description: str) -> object:
    lo, hi = FEATURE_RANGES[name]
    return Field(ge=lo, le=hi, description=f"{description} (plausible range {lo} to {hi})")


class Sample(BaseModel):
    sample_id: str | None = Field(None, max_length=64)
    collection_point: str | None = Field(None, max_length=64)
    fat_pct: float = _reading("fat_pct", "Fat, %")
    snf_pct: float = _reading("snf_pct", "Solids-not-fat, %")
    density: float = _reading("density", "Density, g/mL")
    ph: float = _reading("ph", "pH")
    freezing_point: float = _reading("freezing_point", "Freezing point, C")
    conductivity: float = _reading("conductivity", "Electrical conductivity, mS/cm")


Band = Literal["accept", "retest", "reject"]


class Prediction(BaseModel):
    sample_id: str | None = None
    is_adulterated: bool
    risk_score: float
    band: Band
    model_version: str


class BatchResponse(BaseModel):
    model_version: str
    scored: int
    rejected: int


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    model_loaded: bool
    model_version: str | None = None
