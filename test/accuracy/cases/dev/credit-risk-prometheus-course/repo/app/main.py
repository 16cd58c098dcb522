import os
import pickle
import socket
import sys
import time

import pandas as pd
from fastapi import FastAPI, File, Request, Response, UploadFile
from fastapi.middleware.cors import CORSMiddleware
from prometheus_client import Counter, Gauge, generate_latest, start_http_server
from prometheus_fastapi_instrumentator import Instrumentator

sys.path.append(os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))
from utils.logging_config import script_run_logger

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

model = None

request_counter = Counter("api_requests_total", "Total API requests", ["client_ip"])
api_runtime_gauge = Gauge("api_runtime_seconds", "API runtime in seconds")


def get_client_ip():
    return socket.gethostbyname(socket.gethostname())


Instrumentator().instrument(app).expose(app)


@app.get("/")
def home():
    script_run_logger.info("main page")
    return "Welcome to the credit risk project"


def load_model():
    global model
    try:
        model = pickle.load(open("./app/model.pkl", "rb"))
        return {"message": "Model loaded successfully"}
    except ValueError:
        return {"error": "Model could not be loaded"}


def format_data(file: UploadFile):
    data = pd.read_csv(file.file, index_col=0)
    data = data.drop(["risk"], axis=1)
    return data


def predict_risk(model, data):
    predictions = model.predict(data)
    script_run_logger.info(f"predictions are {predictions}")
    return predictions


@app.middleware("http")
async def monitor_requests(request: Request, call_next):
    start_time = time.time()
    response = await call_next(request)
    api_runtime_gauge.set(time.time() - start_time)
    request_counter.labels(client_ip=get_client_ip()).inc()
    return response


@app.post("/predict")
async def predict(file: UploadFile = File(...)):
    start_time = time.time()
    load_model()
    data = format_data(file)
    script_run_logger.info(f"data is {data}")
    if model is not None:
        risks = predict_risk(model, data)
        api_runtime_gauge.set(time.time() - start_time)
        return {"risks": risks.tolist()}
    else:
        return {"error": "Model not loaded. Please provide the model path."}


@app.get("/metrics")
async def get_metrics():
    return Response(content=generate_latest())


start_http_server(9090)
