import logging
import time
from functools import wraps
from typing import Callable, Optional

import requests

logger = logging.getLogger(__name__)


def retry_with_backoff(max_retries: int = 3, initial_delay: float = 1.0):
    """Retry a request with exponential backoff; return (args, None) when every attempt failed."""
    def decorator(func: Callable) -> Callable:
        @wraps(func)
        def wrapper(*args, **kwargs) -> tuple[Optional[list[dict]], Optional[list[dict]]]:
            delay = initial_delay
            transactions = args[0] if args else None
            batch_id = args[1] if len(args) > 1 else kwargs.get('batch_id', 'unknown')

            for attempt in range(max_retries):
                try:
                    return func(*args, **kwargs)
                except requests.exceptions.RequestException as e:
                    if attempt < max_retries - 1:
                        logger.warning(f"Batch {batch_id}: Attempt {attempt + 1}/{max_retries} failed - {e}. Retrying in {delay:.1f}s...")
                        time.sleep(delay)
                        delay *= 2
                    else:
                        logger.error(f"Batch {batch_id}: All {max_retries} attempts failed - {e}. Moving transactions to failed queue.")
                        return transactions, None

            return transactions, None

        return wrapper
    return decorator
