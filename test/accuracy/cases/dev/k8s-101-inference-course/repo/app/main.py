from fastapi import FastAPI
import random
import os

app = FastAPI()

# the model version comes from the environment
MODEL_VERSION = os.getenv("MODEL_VERSION", "v1.0.0")


@app.get("/")
def root():
    """Entry point."""
    return {"message": "MLOps Inference Server is Running", "version": MODEL_VERSION}


@app.get("/predict")
def predict(input_data: float):
    """Simulates a heavy model prediction."""
    confidence = random.uniform(0.70, 0.99)
    prediction = "Cat" if input_data > 0.5 else "Dog"
    return {
        "prediction": prediction,
        "confidence": round(confidence, 4),
        "model_version": MODEL_VERSION,
        "served_by_pod": os.getenv("HOSTNAME", "unknown-pod"),
    }


@app.get("/health")
def health_check():
    """The liveness probe calls this; a 200 means the pod is alive."""
    return {"status": "healthy"}
