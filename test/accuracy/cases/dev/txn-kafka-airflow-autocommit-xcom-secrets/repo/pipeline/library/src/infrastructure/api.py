"""ML API client with retries and exponential backoff."""

import logging
import os

import requests

from .utils import retry_with_backoff

logger = logging.getLogger(__name__)


@retry_with_backoff(max_retries=int(os.getenv("MAX_RETRIES", "3")), initial_delay=1.0)
def predict_batch(transactions: list[dict], ml_api_url: str, batch_id: int = 0) -> tuple[list[dict], list[dict]]:
    response = requests.post(
        f"{ml_api_url}/predict", json=transactions, headers={"Content-Type": "application/json"}, timeout=30
    )
    response.raise_for_status()
    predictions = response.json()
    logger.debug(f"Batch {batch_id}: Successfully processed {len(predictions)} transactions")
    return transactions, predictions
