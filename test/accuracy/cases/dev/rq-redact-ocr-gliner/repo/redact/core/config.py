import os

from dotenv import load_dotenv

load_dotenv()

BASE_DIR = os.getenv("BASE_DIR", "uploads")
UPLOAD_DIR = os.getenv("UPLOAD_DIR", "uploads")
REDACT_DIR = os.getenv("REDACT_DIR", "redacted")
DATABASE_URL = os.getenv("DATABASE_URL")


def get_redis_dirs():
    return os.getenv("REDIS_HOST", "localhost"), int(os.getenv("REDIS_PORT", "6379"))
