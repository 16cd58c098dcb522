import logging
import os
from celery_task.worker import celery
from celery_task.worker import model


@celery.task(ignore_result=False,
             bind=True
             )
def predict_restaurants(self, query, top_k, url=os.getenv("TFSERVING_URL", 'http://localhost:8501/v1/models/rest_review_distilbert:predict')):
    results, time_taken, err = model.predict(query, top_k=top_k, url=url)
    return {'results': results, 'time_taken': time_taken, 'err': err}


@celery.task(ignore_result=False,
             bind=True
             )
def random_all(self, k):
    results, time_taken = model.search_random(k=k)
    return {'results': results, 'time_taken': time_taken, 'err': ''}
