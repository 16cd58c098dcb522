import logging

logger = logging.getLogger("ml_api")
