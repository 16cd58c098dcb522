from pydantic import BaseModel, Field
from typing import Optional


class PredictRequest(BaseModel):
    fileName: str = Field(min_length=1)
    fileType: str = Field(min_length=1)
    textContent: Optional[str] = None
    base64Content: Optional[str] = None


class PredictResponse(BaseModel):
    ai_probability: float
    effort_score: float
    prediction: str
    explanation: str
    model_version: str
