"""Kafka streaming consumer for transaction processing."""

import json
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from confluent_kafka import Consumer
from core import orchestrate_service, validate_transaction_records
from infrastructure import BaseService, db_transaction, get_db_session
from sqlalchemy.orm import Session

logging.basicConfig(level=logging.INFO, format="%(asctime)s - %(levelname)s - %(message)s")
logger = logging.getLogger(__name__)


@contextmanager
def get_kafka_consumer(bootstrap_servers: str, group_id: str, topic: str):
    """Context manager for a Kafka consumer; closes it on exit."""
    c = Consumer({"bootstrap.servers": bootstrap_servers, "group.id": group_id, "auto.offset.reset": "earliest"})

    c.subscribe([topic])

    try:
        yield c
    finally:
        c.close()


class StreamingService(BaseService):
    """Polls Kafka, validates records and yields one batch per call to read()."""

    def __init__(
        self,
        consumer: Consumer,
        ml_api_url: str,
        db_session: Session,
        message_batch_size: int = 100,
        poll_timeout: float = 1.0,
        buffer_timeout: float = 5.0,
    ) -> None:
        super().__init__(ml_api_url=ml_api_url, db_session=db_session)
        self.consumer = consumer
        self.message_batch_size = message_batch_size
        self.poll_timeout = poll_timeout
        self.buffer_timeout = buffer_timeout

    def read(self, batch_size: int) -> Iterator[tuple[list[dict], list[dict]]]:
        raw_records = []
        json_errors = []
        consecutive_timeouts = 0
        max_consecutive_timeouts = 3
        batch_start_time = time.time()

        while len(raw_records) < batch_size:
            msg = self.consumer.poll(self.poll_timeout)

            elapsed_time = time.time() - batch_start_time
            if raw_records and elapsed_time >= self.buffer_timeout:
                logger.debug(f"Yielding partial batch after {elapsed_time:.1f}s timeout: {len(raw_records)} messages")
                valid, invalid = validate_transaction_records(raw_records)
                all_invalid = invalid + json_errors
                yield (valid, all_invalid)
                return

            if msg is None:
                consecutive_timeouts += 1
                if raw_records and consecutive_timeouts >= max_consecutive_timeouts:
                    valid, invalid = validate_transaction_records(raw_records)
                    all_invalid = invalid + json_errors
                    yield (valid, all_invalid)
                    return
                continue

            consecutive_timeouts = 0

            if msg.error():
                logger.error(f"Consumer error: {msg.error()}")
                continue

            value = msg.value()
            if value is None:
                logger.warning("Received message with None value, skipping")
                continue

            try:
                raw_data = json.loads(value.decode("utf-8"))
                raw_records.append(raw_data)
            except json.JSONDecodeError as exc:
                logger.warning(f"Invalid JSON in message: {exc}")
                json_errors.append({"raw": value.decode("utf-8", errors="replace"), "error": str(exc)})
            except Exception as exc:
                logger.error(f"Unexpected error deserializing message: {exc}")
                json_errors.append({"error": str(exc)})

        valid_transactions, invalid_transactions = validate_transaction_records(raw_records)
        all_invalid = invalid_transactions + json_errors
        yield (valid_transactions, all_invalid)


def main():
    bootstrap_servers = os.getenv("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
    group_id = os.getenv("KAFKA_CONSUMER_GROUP", "transaction-consumer-group")
    topic = os.getenv("KAFKA_TOPIC", "transactions")
    ml_api_url = os.getenv("ML_API_URL", "http://localhost:8000")

    message_batch_size = int(os.getenv("MESSAGE_BATCH_SIZE", "50"))
    api_batch_size = int(os.getenv("API_BATCH_SIZE", "10"))
    api_max_workers = int(os.getenv("API_MAX_WORKERS", "5"))
    db_row_batch_size = int(os.getenv("DB_ROW_BATCH_SIZE", "50"))
    buffer_timeout = float(os.getenv("BUFFER_TIMEOUT", "5.0"))

    logger.info(f"Consumer started - Server: {bootstrap_servers}, Group: {group_id}, Topic: {topic}")

    total_processed = 0
    total_failed = 0
    total_invalid = 0

    with (
        get_kafka_consumer(bootstrap_servers, group_id, topic) as consumer,
        get_db_session(os.environ["DATABASE_URL"]) as session,
    ):
        service = StreamingService(
            consumer=consumer,
            ml_api_url=ml_api_url,
            db_session=session,
            message_batch_size=message_batch_size,
            buffer_timeout=buffer_timeout,
        )

        try:
            logger.info("Starting continuous batch processing...")
            while True:
                with db_transaction(session):
                    processed, failed, invalid = orchestrate_service(
                        service=service,
                        row_batch_size=message_batch_size,
                        api_batch_size=api_batch_size,
                        api_max_workers=api_max_workers,
                        db_row_batch_size=db_row_batch_size,
                    )

                total_processed += processed
                total_failed += len(failed)
                total_invalid += len(invalid)

                if processed > 0 or failed or invalid:
                    logger.info(
                        f"Batch complete - Processed: {processed}, Failed: {len(failed)}, "
                        f"Invalid: {len(invalid)} | Total: {total_processed} processed, "
                        f"{total_failed} failed, {total_invalid} invalid"
                    )

        except KeyboardInterrupt:
            logger.info(
                f"Consumer stopped. Final totals - Processed: {total_processed}, "
                f"Failed: {total_failed}, Invalid: {total_invalid}"
            )


if __name__ == "__main__":
    main()
