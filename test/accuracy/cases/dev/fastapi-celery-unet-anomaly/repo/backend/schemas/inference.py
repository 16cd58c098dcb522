"""Pydantic schemas for the inference API"""
from pydantic import BaseModel, Field


class InferencePredict(BaseModel):
    image_path: str = Field(..., description="Path of a .tif image on the server")
    model_id: str = Field(..., description="Model id")
    threshold: float = Field(0.5, ge=0.0, le=1.0)
    stride: int = Field(256, ge=32, le=512)
    batch_size: int = Field(16, ge=1, le=64)


class InferenceJobCreate(BaseModel):
    job_id: str
    status: str
    message: str
