"""Serve the ONNX model behind a FastAPI HTTP endpoint."""
from fastapi import FastAPI, UploadFile, File
from prometheus_fastapi_instrumentator import Instrumentator
import onnxruntime as ort
import numpy as np
from PIL import Image
import io

app = FastAPI(title="ResNet18 ONNX Inference Service")

# Exposes GET /metrics with request count, latency and in-progress requests.
Instrumentator().instrument(app).expose(app)

# Load the ONNX model once at startup, not per-request.
session = ort.InferenceSession("resnet18.onnx", providers=["CPUExecutionProvider"])
input_name = session.get_inputs()[0].name

with open("imagenet_classes.txt") as f:
    IMAGENET_CLASSES = [line.strip() for line in f.readlines()]

IMAGENET_MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
IMAGENET_STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


def preprocess(image: Image.Image) -> np.ndarray:
    image = image.convert("RGB").resize((224, 224))
    arr = np.array(image).astype(np.float32) / 255.0
    arr = (arr - IMAGENET_MEAN) / IMAGENET_STD
    arr = arr.transpose(2, 0, 1)
    arr = np.expand_dims(arr, axis=0)
    return arr


@app.get("/health")
def health():
    # Load balancers and orchestrators use this to know if the service is alive.
    return {"status": "ok"}


@app.post("/predict")
async def predict(file: UploadFile = File(...)):
    image_bytes = await file.read()
    image = Image.open(io.BytesIO(image_bytes))
    input_tensor = preprocess(image)

    outputs = session.run(None, {input_name: input_tensor})
    logits = outputs[0][0]
    predicted_class = int(np.argmax(logits))

    return {
        "predicted_class_index": predicted_class,
        "predicted_label": IMAGENET_CLASSES[predicted_class],
        "confidence": float(np.exp(logits[predicted_class]) / np.sum(np.exp(logits))),
    }
