from redis import Redis
from rq import Queue

from redact.core.config import get_redis_dirs


def get_redis_connection():
    REDIS_HOST, REDIS_PORT = get_redis_dirs()
    return Redis(host=REDIS_HOST, port=REDIS_PORT, db=0)


redis_conn = get_redis_connection()
predict_queue = Queue("high", connection=redis_conn)
