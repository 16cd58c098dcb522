"""FastAPI application for customer support ticket priority classification."""
import glob
import os
import shutil
import sys
from functools import lru_cache
from pathlib import Path

import torch
import wandb
from fastapi import FastAPI, HTTPException
from fastapi.concurrency import asynccontextmanager
from loguru import logger
from pydantic import BaseModel, Field
from transformers import DistilBertTokenizer

from customer_support.model import TicketClassificationModule

PRIORITY_NAMES = {0: "low", 1: "medium", 2: "high"}
model = None

MODEL_CACHE_DIR = Path("/mnt/models")
CACHE_DIGEST_FILE = MODEL_CACHE_DIR / ".digest"

logger.remove()
logger.add(sys.stdout, level="WARNING")


def _get_model() -> TicketClassificationModule:
    """Load the model from the cache if valid, otherwise download it from W&B and cache it."""
    api = wandb.Api()
    artifact = api.artifact(os.getenv("WANDB_ARTIFACT_PATH"), type="model")
    current_digest = artifact.digest
    if not _is_cache_valid(current_digest):
        temp_download_dir = Path("/tmp/model_download")
        if temp_download_dir.exists():
            shutil.rmtree(temp_download_dir)
        temp_download_dir.mkdir(parents=True)
        artifact.download(root=str(temp_download_dir), skip_cache=True)
        MODEL_CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for item in temp_download_dir.iterdir():
            if item.is_file():
                shutil.copy(item, MODEL_CACHE_DIR / item.name)
        CACHE_DIGEST_FILE.write_text(current_digest)
        shutil.rmtree(temp_download_dir)

    ckpt_files = glob.glob(f"{MODEL_CACHE_DIR}/*.ckpt")
    if not ckpt_files:
        raise FileNotFoundError(f"No .ckpt file found in {MODEL_CACHE_DIR}")
    loaded_model = TicketClassificationModule.load_from_checkpoint(Path(ckpt_files[0]))
    loaded_model.eval()
    loaded_model.freeze()
    return loaded_model


def _is_cache_valid(current_digest: str) -> bool:
    if not MODEL_CACHE_DIR.exists() or not CACHE_DIGEST_FILE.exists():
        return False
    if not glob.glob(f"{MODEL_CACHE_DIR}/*.ckpt"):
        return False
    return CACHE_DIGEST_FILE.read_text().strip() == current_digest


@asynccontextmanager
async def lifespan(app: FastAPI):
    global model
    model = _get_model()
    yield


app = FastAPI(title="Customer Support Ticket Classifier", version="1.0.0", lifespan=lifespan)


class TicketRequest(BaseModel):
    text: str = Field(..., min_length=1, description="The ticket body text to classify")


class TicketResponse(BaseModel):
    priority: str
    priority_id: int
    confidence: float


class HealthResponse(BaseModel):
    status: str
    model_loaded: bool


@lru_cache(maxsize=1)
def get_tokenizer() -> DistilBertTokenizer:
    return DistilBertTokenizer.from_pretrained("distilbert-base-multilingual-cased")


@app.get("/health", response_model=HealthResponse)
def health_check():
    """Health check endpoint for container orchestration."""
    model_loaded = model is not None
    return HealthResponse(status="healthy" if model_loaded else "unhealthy", model_loaded=model_loaded)


@app.post("/predict", response_model=TicketResponse)
def predict(request: TicketRequest):
    try:
        tokenizer = get_tokenizer()
    except FileNotFoundError as e:
        raise HTTPException(status_code=503, detail=str(e))

    encoding = tokenizer(request.text, truncation=True, padding="max_length", max_length=512, return_tensors="pt")

    with torch.inference_mode():
        assert model is not None
        outputs = model(input_ids=encoding["input_ids"], attention_mask=encoding["attention_mask"])

    probabilities = torch.softmax(outputs.logits, dim=-1)
    predicted_class = torch.argmax(probabilities, dim=-1).item()
    return TicketResponse(
        priority=PRIORITY_NAMES[predicted_class],
        priority_id=predicted_class,
        confidence=probabilities[0, predicted_class].item(),
    )
