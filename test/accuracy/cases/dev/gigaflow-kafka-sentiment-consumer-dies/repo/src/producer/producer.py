import json
import logging
import os
import random
import time

from kafka import KafkaProducer

logger = logging.getLogger("producer")
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")

# Dummy data to simulate a live feed
dummy_data = [
    "I love this product, it's amazing!",
    "The new update is fantastic.",
    "This is the worst service I have ever received.",
    "I'm so frustrated with this app.",
    "It's okay, but I expected more.",
    "Can someone explain how this feature works?",
]

TOPIC_NAME = "giga-flow-messages"
KAFKA_SERVER = os.getenv("KAFKA_SERVER", "localhost:9092")


def init_producer():
    """Initialize KafkaProducer with retries and exponential backoff."""
    delay = 5
    while True:
        try:
            producer = KafkaProducer(
                bootstrap_servers=KAFKA_SERVER,
                value_serializer=lambda v: json.dumps(v).encode("utf-8"),
            )
            logger.info("Kafka producer connected successfully.")
            return producer
        except Exception as e:
            logger.warning(f"Connection failed: {e}. Retrying in {delay} seconds...")
            time.sleep(delay)
            delay = min(delay * 2, 60)


producer = init_producer()


def send_message():
    message = {"text": random.choice(dummy_data), "timestamp": time.time()}
    logger.info(f"Sending message: {message}")
    producer.send(TOPIC_NAME, value=message)
    producer.flush()


if __name__ == "__main__":
    while True:
        send_message()
        time.sleep(random.randint(1, 5))
