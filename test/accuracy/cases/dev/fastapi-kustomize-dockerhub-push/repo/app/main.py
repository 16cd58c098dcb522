import os

from fastapi import FastAPI

WELCOME_MESSAGE = os.getenv("WELCOME_MESSAGE", "ConfigMap variable not set.")

app = FastAPI()


@app.get("/")
def read_root():
    return {"message": "Hello from FastAPI + Kustomize"}


@app.get("/config-message")
def get_config_message():
    return {"message": WELCOME_MESSAGE}


@app.get("/healthz")
def health_check():
    """Readiness and liveness endpoint."""
    return {"status": "Ok"}
