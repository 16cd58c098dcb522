import os
import shutil
import time
from contextlib import asynccontextmanager
from pathlib import Path
from typing import List

from fastapi import Depends, FastAPI, File, HTTPException, Response, UploadFile
from gliner import GLiNER
from rq.job import Job
from sqlmodel.ext.asyncio.session import AsyncSession

from redact.core.config import BASE_DIR
from redact.core.database import get_async_session, init_async_db
from redact.core.log import LOG
from redact.core.redis import predict_queue, redis_conn
from redact.services.storage import create_batch_and_files
from redact.workers.inference import sync_full_inference

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FULL_DIR = PROJECT_ROOT / BASE_DIR
app_state = {}


def load_ml_model():
    print("Loading GLiNER....")
    model = GLiNER.from_pretrained("urchade/gliner_med")
    print("Model loaded.")
    return model


@asynccontextmanager
async def lifespan(app: FastAPI):
    LOG.info("Application startup: Initializing resources...")
    app_state["model"] = load_ml_model()
    await init_async_db()
    yield
    app_state.clear()
    LOG.info("Cleanup complete.")


FULL_DIR.mkdir(parents=True, exist_ok=True)
app = FastAPI(lifespan=lifespan)


@app.get("/")
async def favicon():
    return Response(status_code=204)


@app.post("/predict")
async def create_prediction(
    files: List[UploadFile] = File(...),
    session: AsyncSession = Depends(get_async_session),
):
    for file in files:
        allowed_types = ["image/jpeg", "image/png", "image/jpg", "image/webp"]
        if file.content_type not in allowed_types:
            raise HTTPException(status_code=400, detail="Invalid file type")

        max_size = 10 * 1024 * 1024
        file.file.seek(0, 2)
        file_size = file.file.tell()
        file.file.seek(0)
        if file_size > max_size:
            raise HTTPException(status_code=413, detail="File too large")

        try:
            file_path = os.path.join(FULL_DIR, file.filename)
            with open(file_path, "wb") as buffer:
                shutil.copyfileobj(file.file, buffer)
        except OSError as e:
            raise HTTPException(status_code=500, detail=f"Failed to save file: {str(e)}")
        finally:
            await file.close()

    batch_id = await create_batch_and_files(files, session)

    job = predict_queue.enqueue(
        sync_full_inference,
        batch_id,
        app_state.get("model"),
        f"task_{int(time.time())}",
        job_id="0",
    )
    LOG.info(f"Queued Job IDs: {predict_queue.job_ids}")
    return {"job_id": job.id, "status": "queued"}


@app.get("/predict/{job_id}")
async def get_task_status(job_id: str):
    try:
        job = Job.fetch(job_id, connection=redis_conn)
        return {
            "job_id": job.id,
            "status": job.get_status(),
            "result": job.result if job.is_finished else None,
            "error": str(job.exc_info) if job.is_failed else None,
        }
    except Exception as e:
        return {"error": f"Job {job_id} not found"}
