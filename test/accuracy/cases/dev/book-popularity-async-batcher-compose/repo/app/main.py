from fastapi import FastAPI
from pydantic import BaseModel
from .batcher import Batcher

batcher = Batcher()
app = FastAPI(title="Async Serving Main API")


class Predict(BaseModel):
    input: list


@app.post("/predict")
async def predict(data: Predict):
    rid = await batcher.enqueue(data.input)
    return {"request_id": rid}


@app.get("/result/{rid}")
async def result(rid: str):
    fut = batcher.futures.get(rid)
    if fut is None:
        return {"status": "not_found"}

    if fut.done():
        return {"status": "done", "result": fut.result()}
    return {"status": "pending"}
