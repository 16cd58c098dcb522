from pydantic import BaseModel
from typing import Optional


class TrainRequest(BaseModel):
    model: Optional[str] = "lgbm"
    test_size: Optional[float] = 0.2
    seed: Optional[int] = 42


class TrainJobResponse(BaseModel):
    job_id: str
    status: str
    message: str
