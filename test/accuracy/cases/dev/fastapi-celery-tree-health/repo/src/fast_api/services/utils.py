from datetime import datetime
from typing import Any, Dict

from loguru import logger


async def print_logger_info(input_features: Dict[str, Any], predicted):
    """Log a prediction with its input."""
    logger.info({"input": input_features, "predicted": predicted})


def return_current_time():
    return datetime.utcnow().isoformat()
