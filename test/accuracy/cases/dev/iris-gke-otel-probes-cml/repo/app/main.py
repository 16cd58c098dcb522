import logging
import os
import time
from typing import List

import joblib
import numpy as np
from fastapi import FastAPI, HTTPException, Request, Response, status
from fastapi.responses import JSONResponse
from opentelemetry import trace
from opentelemetry.exporter.cloud_trace import CloudTraceSpanExporter
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from pydantic import BaseModel
from pythonjsonlogger import jsonlogger

trace.set_tracer_provider(TracerProvider())
tracer = trace.get_tracer(__name__)
trace.get_tracer_provider().add_span_processor(BatchSpanProcessor(CloudTraceSpanExporter()))

logger = logging.getLogger("iris-ml-service")
logger.setLevel(logging.INFO)
log_handler = logging.StreamHandler()
log_handler.setFormatter(jsonlogger.JsonFormatter())
logger.addHandler(log_handler)

MODEL_PATH = os.path.join(os.path.dirname(__file__), "artifacts", "model.joblib")
model = joblib.load(MODEL_PATH)

app = FastAPI()

app_state = {"is_ready": False, "is_alive": True}


class IrisInput(BaseModel):
    data: List[float]  # should be 4 floats


@app.on_event("startup")
async def startup_event():
    time.sleep(2)  # simulate model load
    app_state["is_ready"] = True


@app.get("/", tags=["Root"])
def root():
    return {"message": "Welcome to the Iris Classifier API"}


@app.get("/live_check", tags=["Probe"])
def liveness_probe():
    if app_state["is_alive"]:
        return {"status": "alive"}
    return Response(status_code=status.HTTP_500_INTERNAL_SERVER_ERROR)


@app.get("/ready_check", tags=["Probe"])
def readiness_probe():
    if app_state["is_ready"]:
        return {"status": "ready"}
    return Response(status_code=status.HTTP_503_SERVICE_UNAVAILABLE)


@app.middleware("http")
async def add_process_time_header(request: Request, call_next):
    start = time.time()
    response = await call_next(request)
    response.headers["X-Process-Time-ms"] = str(round((time.time() - start) * 1000, 2))
    return response


@app.exception_handler(Exception)
async def exception_handler(request: Request, exc: Exception):
    span = trace.get_current_span()
    trace_id = format(span.get_span_context().trace_id, "032x")
    logger.exception("Unhandled exception", extra={"trace_id": trace_id, "path": str(request.url)})
    return JSONResponse(status_code=500, content={"detail": "Internal Server Error", "trace_id": trace_id})


@app.post("/predict", tags=["Inference"])
def predict(input: IrisInput):
    with tracer.start_as_current_span("model_inference") as span:
        start_time = time.time()
        trace_id = format(span.get_span_context().trace_id, "032x")
        try:
            features = np.array(input.data).reshape(1, -1)
            prediction = model.predict(features)
            latency = round((time.time() - start_time) * 1000, 2)
            logger.info("Prediction successful", extra={
                "trace_id": trace_id,
                "input": input.dict(),
                "result": {"class": prediction[0]},
                "latency_ms": latency,
            })
            return {"class": prediction[0]}
        except Exception as e:
            logger.exception("Prediction failed", extra={"trace_id": trace_id, "error": str(e)})
            raise HTTPException(status_code=500, detail="Prediction failed")
