import json
import time
import uuid
from pathlib import Path

import wandb
from loguru import logger

LOG_DIR = Path("logs")
LOG_DIR.mkdir(exist_ok=True)
LOG_FILE = LOG_DIR / "app.log"
ERROR_FILE = LOG_DIR / "errors.jsonl"
INTERACTIONS_FILE = LOG_DIR / "interactions.jsonl"

logger.add(LOG_FILE, rotation="10 MB", retention="7 days", format="{time} | {level} | {message}", level="INFO")

# One W&B run for the whole serving process.
wandb.init(project="students-companion", job_type="inference")

SESSION_ID = str(uuid.uuid4())


def log_interaction_advanced(question, answer, latency, mode, retrieval_time, generation_time, sources, success=True):
    """Logs interaction locally and sends metrics to W&B."""
    entry = {
        "timestamp": time.strftime("%Y-%m-%d %H:%M:%S"),
        "session_id": SESSION_ID,
        "question": question,
        "answer_preview": answer[:200],
        "latency_s": round(latency, 3),
        "retrieval_time_s": round(retrieval_time, 3),
        "generation_time_s": round(generation_time, 3),
        "mode": mode,
        "num_sources": len(sources),
        "sources": sources,
        "success": success,
    }

    with open(INTERACTIONS_FILE, "a") as f:
        f.write(json.dumps(entry) + "\n")

    if success:
        logger.info(json.dumps(entry))
    else:
        logger.error(json.dumps(entry))

    wandb.log({
        "total_latency_s": latency,
        "retrieval_time_s": retrieval_time,
        "generation_time_s": generation_time,
        "num_sources": len(sources),
        "success": int(success),
        "mode": mode,
    })


def log_error(question, e, trace=""):
    """Logs errors separately."""
    record = {
        "timestamp": time.strftime("%Y-%m-%d %H:%M:%S"),
        "session_id": SESSION_ID,
        "question": question,
        "error": str(e),
        "trace": trace,
    }
    with open(ERROR_FILE, "a") as f:
        f.write(json.dumps(record) + "\n")
    logger.error(json.dumps(record))
    wandb.log({"error": 1})
