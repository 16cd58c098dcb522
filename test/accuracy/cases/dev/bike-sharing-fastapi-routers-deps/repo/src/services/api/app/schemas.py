from pydantic import BaseModel, Field
from typing import List, Optional

class RideFeatures(BaseModel):
    season: int = Field(..., description="Season of the year (1=Spring, 2=Summer, 3=Fall, 4=Winter)")
    yr: int = Field(..., description="Binary year indicator")
    mnth: int = Field(..., description="Month of the year (1-12)")
    hr: int = Field(..., description="Hour of the day (0-23)")
    holiday: int = Field(..., description="Holiday indicator (1=Holiday, 0=Non-holiday)")
    weekday: int = Field(..., description="Day of the week (0=Sunday to 6=Saturday)")
    workingday: int = Field(..., description="Working day indicator")
    weathersit: int = Field(..., description="Weather situation (1=Clear .. 4=Heavy snow/rain)")
    temp: float = Field(..., description="Normalized temperature (0 to 1)")
    atemp: float = Field(..., description="Normalized 'feels-like' temperature (0 to 1)")
    hum: float = Field(..., description="Normalized humidity (0 to 1)")
    windspeed: float = Field(..., description="Normalized wind speed (0 to 1)")
    year: int = Field(..., description="Calendar year (e.g., 2011, 2012)")
    month: int = Field(..., description="Calendar month (1-12)")
    dayofweek: int = Field(..., description="Day of the week (0=Monday to 6=Sunday)")

class PredictionRequest(BaseModel):
    instances: List[RideFeatures] = Field(
        ...,
        description="List of input feature records to predict."
    )
    inverse_transform: bool = Field(
        True,
        description="Apply inverse transformation (expm1) to predictions if the model was trained in log-scale."
    )

class PredictionResponse(BaseModel):
    predictions: List[float] = Field(..., description="List of predicted bike rental counts.")
    model_version: Optional[str] = Field(None, description="Version of the model used for prediction.")
