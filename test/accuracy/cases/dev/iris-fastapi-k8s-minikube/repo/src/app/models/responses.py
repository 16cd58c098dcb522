from typing import List

from pydantic import BaseModel


class Prediction(BaseModel):
    pred: int
    prob: float


class ResponseBody(BaseModel):
    predictions: List[Prediction]
