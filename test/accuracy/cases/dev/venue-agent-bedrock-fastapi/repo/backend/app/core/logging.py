import sys

from loguru import logger

from app.core.config import settings


def config_logger():
    logger.remove()
    logger.add(sys.stderr, level=settings.LOG_LEVEL)
