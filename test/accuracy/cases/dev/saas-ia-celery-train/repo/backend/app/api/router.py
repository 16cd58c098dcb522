from io import BytesIO

import polars as pl
from fastapi import APIRouter, File, UploadFile

from app.tasks.celery_worker import dummy_task, train_model_task

router = APIRouter()


@router.get("/ping")
def ping():
    return {"msg": "pong"}


@router.post("/run-task")
def run_task():
    task = dummy_task.delay()
    return {"task_id": task.id, "status": "task launched"}


@router.post("/train-model")
def launch_training():
    task = train_model_task.delay()
    return {"task_id": task.id, "status": "training launched"}


@router.post("/upload-csv")
async def upload_csv(file: UploadFile = File(...)):
    content = await file.read()
    df = pl.read_csv(BytesIO(content))
    return {"rows": df.height, "columns": df.columns}
