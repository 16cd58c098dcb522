import datetime
from typing import Dict, List, Optional, Union

from pydantic import BaseModel


class PanelMetadata(BaseModel):
    inverter_id: str
    plant_id: str
    latitude: float
    longitude: float
    altitude: float
    predict_days: Optional[int] = None


class PanelOutput(BaseModel):
    timestamp: Union[str, int]  # yyyymmddhhmmss
    solar_power: float


class TrainingInput(BaseModel):
    panel_metadata: PanelMetadata
    panel_output: List[PanelOutput]


class PredictionOutput(BaseModel):
    prediction: List[Dict[str, float]]


class HealthCheckOutput(BaseModel):
    status: str
    is_healthy: bool
    timestamp: datetime.datetime = datetime.datetime.now()
