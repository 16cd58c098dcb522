from fastapi import FastAPI
from typing import List

from src import PARAMS
from src.app.models import RequestBody, ResponseBody
from src.model import Model


app = FastAPI()
model = Model()


@app.post("/predict")
async def predict(samples: List[RequestBody]) -> ResponseBody:
    """Generate predictions for a list of samples."""
    predictions = await model.predict(samples)
    return ResponseBody.parse_obj(predictions)
