from pathlib import Path
import io
import logging
import time

import numpy as np
import tensorflow as tf
from fastapi import FastAPI, File, HTTPException, UploadFile
from PIL import Image

IMAGE_SIZE = (224, 224)
MODEL_PATH = Path("models/baseline_cnn.keras")

if not MODEL_PATH.exists():
    raise FileNotFoundError(f"Model not found at: {MODEL_PATH}")

model = tf.keras.models.load_model(MODEL_PATH)

app = FastAPI(title="Cats vs Dogs Classifier", version="1.0.0")


@app.get("/health")
def health_check():
    """Is the inference service running?"""
    return {"status": "healthy"}


def preprocess_image(image_bytes: bytes) -> np.ndarray:
    try:
        image = Image.open(io.BytesIO(image_bytes)).convert("RGB").resize(IMAGE_SIZE)
        image_array = np.array(image).astype(np.float32) / 255.0
        return np.expand_dims(image_array, axis=0)
    except Exception as exc:
        raise HTTPException(status_code=400, detail=f"Invalid image: {exc}")


@app.post("/predict")
async def predict(file: UploadFile = File(...)):
    if not file.content_type or not file.content_type.startswith("image/"):
        raise HTTPException(status_code=400, detail="Uploaded file must be an image.")

    image_bytes = await file.read()
    if not image_bytes:
        raise HTTPException(status_code=400, detail="Uploaded file is empty.")

    image_array = preprocess_image(image_bytes)
    prediction = model.predict(image_array, verbose=0)
    probability = float(prediction[0][0])
    predicted_class = "Dog" if probability >= 0.5 else "Cat"
    confidence = probability if predicted_class == "Dog" else 1.0 - probability
    return {"filename": file.filename, "prediction": predicted_class, "probability": round(confidence, 4)}


logging.basicConfig(level=logging.INFO, format="%(asctime)s - %(levelname)s - %(message)s")
logger = logging.getLogger(__name__)


@app.middleware("http")
async def log_requests(request, call_next):
    start_time = time.time()
    response = await call_next(request)
    logger.info("%s %s - Status: %s - Latency: %.4fs", request.method, request.url.path, response.status_code, time.time() - start_time)
    return response
