from fastapi import FastAPI, Depends, HTTPException
from fastapi.responses import HTMLResponse
from enum import Enum
from pydantic import BaseModel
from typing import Any, Union
from sqlalchemy.orm import Session

from celery.result import AsyncResult
from .tasks import (
    create_short_task,
    create_medium_task,
    create_long_task,
    app as celery_app,
)

from pprint import pprint
from .database import SessionLocal, engine
from . import crud, models, schemas

# Create table if not exist
models.Base.metadata.create_all(bind=engine)

app = FastAPI()


# Dependency
def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()

html_content = """
<html>
    <body>
        <h1>FastAPI + Celery + Docker</h1>
        <div id="tasks"></div>
    </body>
</html>
"""


@app.get("/", response_class=HTMLResponse)
async def read_index():
    return HTMLResponse(content=html_content, status_code=200)


@app.post("/tasks", status_code=201, response_model=schemas.Task)
def create_task(task: schemas.TaskIn, db: Session = Depends(get_db)):
    task_result: AsyncResult

    if task.type == schemas.TaskType.short:
        task_result = create_short_task.delay()
    if task.type == schemas.TaskType.medium:
        task_result = create_medium_task.delay()
    if task.type == schemas.TaskType.long:
        task_result = create_long_task.delay()

    db_task = models.Task(
        type=task.type,
        celery_task_id=task_result.id,
    )

    db.add(db_task)
    db.commit()
    db.refresh(db_task)

    pprint(db_task.dict())

    return db_task

@app.get("/tasks/{task_id}", response_model=schemas.Task)
def read_task(task_id: str, db: Session = Depends(get_db)):
    db_task: models.Task = (
        db.query(models.Task).filter(models.Task.id == task_id).first()
    )

    pprint(db_task.dict())

    task_result = AsyncResult(db_task.celery_task_id, app=celery_app)

    db_task.celery_task_status = task_result.status
    db_task.celery_task_result = task_result.result
    db_task.celery_date_done = task_result.date_done

    db_task.celery_task_name = task_result.name
    db_task.celery_task_worker = task_result.worker
    db_task.celery_task_retries = task_result.retries
    db_task.celery_task_queue = task_result.queue

    db.commit()

    return db_task
