"""Celery configuration"""
from celery import Celery

from detector.config import settings

app = Celery("tasks", broker=settings.BROKER_URI, backend=settings.BACKEND_URI, include=settings.TASK_FOLDER)
