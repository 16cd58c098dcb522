"""
Pydantic schemas for API request/response validation.
"""

from typing import Dict
from pydantic import BaseModel, Field
import time


class CaliforniaHousing(BaseModel):
    """Housing features for prediction."""
    median_income: float = Field(..., gt=0, description="Median income in block group")
    housing_median_age: float = Field(..., gt=0, description="Median house age in block group")
    avg_rooms_per_household: float = Field(..., ge=1, le=20, description="Average number of rooms per household")
    avg_num_bedrooms_per_house: float = Field(..., ge=1, le=20, description="Average number of bedrooms per household")
    Population: float = Field(..., ge=1, description="Block group population")
    avg_household_members: float = Field(..., ge=32.0, le=42.0, description="Average number of household members")
    Latitude: float = Field(..., description="Block group latitude (California range)")
    Longitude: float = Field(..., ge=-124.0, le=-114.0, description="Block group longitude (California range)")


class PredictionRequest(BaseModel):
    """Request schema for housing price prediction."""
    features: CaliforniaHousing = Field(..., description="Housing features for prediction")


class PredictionResponse(BaseModel):
    """Response schema for housing price prediction."""
    prediction: float = Field(..., description="Predicted housing price")


class HealthResponse(BaseModel):
    """Response schema for health check."""
    status: str = Field(..., description="Overall system status")
    timestamp: float = Field(default_factory=time.time, description="Health check timestamp")
    models_loaded: int = Field(..., description="Number of loaded models")
    system_metrics: Dict[str, float] = Field(..., description="System performance metrics")
