import asyncio
import json
import logging
import os
import time

import joblib
import pandas as pd
from fastapi import FastAPI, HTTPException, Response, status
from opentelemetry import trace
from opentelemetry.exporter.cloud_trace import CloudTraceSpanExporter
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from pydantic import BaseModel

project_id = os.getenv("GCP_PROJECT_ID")
trace.set_tracer_provider(TracerProvider())
cloud_trace_exporter = CloudTraceSpanExporter(project_id=project_id)
trace.get_tracer_provider().add_span_processor(BatchSpanProcessor(cloud_trace_exporter))
tracer = trace.get_tracer(__name__)


class JsonFormatter(logging.Formatter):
    def format(self, record):
        log_record = {"severity": record.levelname, "message": record.getMessage()}
        trace_id = trace.get_current_span().get_span_context().trace_id
        if trace_id:
            log_record["trace_id"] = format(trace_id, "032x")
        return json.dumps(log_record)


logger = logging.getLogger("iris_classifier_logger")
logger.setLevel(logging.INFO)
handler = logging.StreamHandler()
handler.setFormatter(JsonFormatter())
logger.addHandler(handler)

app = FastAPI()


class IrisInput(BaseModel):
    sepal_length: float; sepal_width: float; petal_length: float; petal_width: float


model = joblib.load("artifacts/model.joblib")


@app.get("/live_check", status_code=status.HTTP_200_OK)
def liveness_probe():
    return {"status": "alive"}


@app.get("/ready_check", status_code=status.HTTP_200_OK)
def readiness_probe():
    if model:
        return {"status": "ready"}
    return Response(status_code=status.HTTP_503_SERVICE_UNAVAILABLE)


@app.get("/")
def read_root():
    return {"message": "Iris Classifier API is running!"}


@app.post("/predict")
async def predict_species(iris_input: IrisInput):
    with tracer.start_as_current_span("iris_prediction_inference") as span:
        try:
            start_time = time.time()
            logger.info(f"Received prediction request: {iris_input.dict()}")
            input_data = pd.DataFrame([iris_input.dict()])
            prediction = model.predict(input_data)[0]
            probabilities = model.predict_proba(input_data)[0]
            class_names = model.classes_
            confidence_scores = {class_names[i]: float(probabilities[i]) for i in range(len(class_names))}

            # Simulate a small async delay, can be removed
            await asyncio.sleep(0.01)

            latency = (time.time() - start_time) * 1000
            span.set_attribute("prediction.latency_ms", latency)
            logger.info(f"Prediction successful: {prediction}, Latency: {latency:.2f} ms")
            return {"predicted_species": prediction, "confidence_scores": confidence_scores}
        except Exception as e:
            logger.error(f"Prediction failed with error: {e}", exc_info=True)
            span.record_exception(e)
            span.set_status(trace.Status(trace.StatusCode.ERROR, str(e)))
            raise HTTPException(status_code=500, detail="Internal Server Error")
