from celery import Celery
from tasks import celeryconfig
from tasks.utils import get_load_tasks, get_predict_tasks

app = Celery()
app.config_from_object(celeryconfig)
