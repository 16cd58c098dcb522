from celery import Celery

celery_app = Celery("worker", broker="redis://queue:6379/0")
celery_app.conf.result_backend = "redis://queue:6379/0"
