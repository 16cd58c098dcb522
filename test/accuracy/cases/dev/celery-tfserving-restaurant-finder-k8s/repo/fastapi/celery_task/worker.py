import logging
import os
from celery import Celery
from celery_task.ReviewEmbedding import RestReview

CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", "pyamqp://guest@localhost//")
CELERY_BACKEND_URL = os.getenv("CELERY_BACKEND_URL", "redis://localhost")

celery = Celery(
    'tasks',
    backend=CELERY_BACKEND_URL,
    broker=CELERY_BROKER_URL,
)

try:
    logging.info('Loading Model...')
    tokenizer_path = os.getenv("TOKENIZER_PATH", "./token/review_emb-msmarco-distilbert-base-v3-v1")
    rest_data_path = os.getenv("REST_DATA_PATH", "./restaurant_data")
    model = RestReview(tokenizer_path, rest_data_path)
except Exception as e:
    logging.info(e)
    model = None
