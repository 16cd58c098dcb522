from typing import Any, Dict, List

from pydantic import BaseModel


class PredictionRequest(BaseModel):
    features: Dict[str, Any]


class BatchPredictionRequest(BaseModel):
    features: List[Dict[str, Any]]
