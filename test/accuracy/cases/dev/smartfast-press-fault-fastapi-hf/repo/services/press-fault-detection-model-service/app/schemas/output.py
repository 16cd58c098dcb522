from typing import Dict, Optional
from pydantic import BaseModel


class PredictionResponse(BaseModel):
    prediction: str
    reconstruction_error: float
    is_fault: bool
    attribute_errors: Optional[Dict[str, float]] = None
