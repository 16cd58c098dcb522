import time

from fastapi import FastAPI
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from pydantic import BaseModel

from src.serving.load_model import predict_fn

app = FastAPI()

REQUEST_COUNT = Counter("sentiment_requests_total", "Total prediction requests")
ERROR_COUNT = Counter("sentiment_error_total", "Total prediction errors")
REQUEST_LATENCY = Histogram("sentiment_latency_seconds", "Prediction latency")
DRIFT_FLAG = Gauge("sentiment_drift_flag", "1 if drift detected else 0")


@app.on_event("startup")
def startup_event():
    DRIFT_FLAG.set(0)


class Item(BaseModel):
    text: str


@app.post("/predict")
def predict(item: Item):
    start = time.time()
    try:
        label, score = predict_fn(item.text)
        REQUEST_COUNT.inc()
        return {"label": label, "score": score}
    except Exception as e:
        ERROR_COUNT.inc()
        return {"error": str(e)}
    finally:
        REQUEST_LATENCY.observe(time.time() - start)


@app.get("/metrics")
def metrics():
    return Response(content=generate_latest(), media_type=CONTENT_TYPE_LATEST)
