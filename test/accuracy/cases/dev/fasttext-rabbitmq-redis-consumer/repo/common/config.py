import os
import logging


class Config:
    def __init__(self):
        self.REDIS_HOST = os.environ.get("REDIS_HOST", "localhost")
        self.REDIS_PORT = os.environ.get("REDIS_PORT", "6379")
        self.REDIS_TTL = int(os.environ.get("REDIS_TTL", "60"))
        self.RABBIT_HOST = os.environ.get("RABBIT_HOST", "localhost")
        self.RABBIT_PORT = int(os.environ.get("RABBIT_PORT", "5672"))
        self.RABBIT_TTL = os.environ.get("RABBIT_TTL", "60000")
        self.PREFETCH_COUNT = int(os.environ.get("PREFETCH_COUNT", "10"))
        self.QUEUE_NAME = os.environ.get("QUEUE_NAME", "tasks")
        self.EXCHANGE_NAME = os.environ.get("EXCHANGE_NAME", "")
        self.EXCHANGE_TYPE = os.environ.get("EXCHANGE_TYPE", "direct")
        logging.basicConfig(level=logging.INFO)
        self.LOGGER = logging.getLogger("ml-serving")
