import logging
import traceback
import time
import onnxruntime as ort
import os
import tempfile

from typing import Optional
from fastapi import APIRouter, File, Query, UploadFile, HTTPException
from metrics import meter

from routers.core.config import ModelConfig
from utils.image_processing import preprocess_image

logger = logging.getLogger(__name__)

MODEL_CONFIG = ModelConfig()
try:
    ort_session = ort.InferenceSession(
        MODEL_CONFIG.model_path,
        providers=['CPUExecutionProvider']
    )
    logger.info(f"Model loaded successfully from {MODEL_CONFIG.model_path}")
except Exception as e:
    logger.error(f"Failed to load model: {str(e)}")
    raise

router = APIRouter()

counter = meter.create_counter(
    name="predict_counter",
    description="Number of predict images processed"
)

histogram = meter.create_histogram(
    name="predict_response_histogram",
    description="Predict response histogram",
    unit="seconds",
)

@router.post("/predict")
async def predict(
    file: UploadFile = File(...),
    score_threshold: float = Query(MODEL_CONFIG.scrore_threshold, ge=0.0, le=1.0),
    include_mask: bool = Query(False, description="Include binary mask data in response"),
):
    start_time = time.time()
    temp_path: Optional[str] = None
    logger.info("Sending POST /predict request!")
    try:
        contents = await file.read()

        temp_path = save_temp_file(contents)

        image_tensor = preprocess_image(contents)

        boxes, scores, mask_probs = run_inference(image_tensor, start_time)

        mask = scores > score_threshold
        return {"boxes": boxes[mask].tolist(), "scores": scores[mask].tolist()}

    except Exception as e:
        logger.error(f"Error in prediction: {str(e)}")
        logger.error(traceback.format_exc())
        raise HTTPException(status_code=500, detail=str(e)) from e
    finally:
        ending_time = time.time()
        update_metrics({"api": "/predict"}, start_time, ending_time)
        if temp_path and os.path.exists(temp_path):
            try:
                os.unlink(temp_path)
            except Exception as e:
                logger.warning(f"Failed to clean up temporary file {temp_path}: {str(e)}")

def update_metrics(label: dict, starting_time, ending_time):
        counter.add(1, label)
        elapsed_time = ending_time - starting_time
        logger.info("elapsed time: ", elapsed_time)
        histogram.record(elapsed_time, label)

def run_inference(image_tensor, start_time: float):
    ort_inputs = {ort_session.get_inputs()[0].name: image_tensor}
    if time.time() - start_time > MODEL_CONFIG.timeout:
        raise TimeoutError("Preprocessing took too long")
    ort_outs = ort_session.run(None, ort_inputs)
    return ort_outs[0], ort_outs[1], ort_outs[3]

def save_temp_file(contents: bytes) -> str:
    with tempfile.NamedTemporaryFile(delete=False, suffix='.jpg') as temp_file:
        temp_file.write(contents)
        temp_path = temp_file.name
    return temp_path
