from pydantic import BaseModel
from typing import List


class Query(BaseModel):
    input_text: str
    top_k: int
    postal: str = ''


class Task(BaseModel):
    """ Celery task representation """
    task_id: str
    status: str


class PredictionResponse(BaseModel):
    """ Prediction task response """
    task_id: str
    preds: List[dict]
    time_taken: float
