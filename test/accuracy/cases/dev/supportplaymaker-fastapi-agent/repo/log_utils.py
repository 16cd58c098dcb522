import os
import logging

os.makedirs("logs", exist_ok=True)

logger = logging.getLogger("supportplaymaker")
logger.setLevel(logging.INFO)

handler = logging.FileHandler("logs/interactions.log")
formatter = logging.Formatter("[%(asctime)s] %(message)s", "%Y-%m-%d %H:%M:%S")
handler.setFormatter(formatter)
logger.addHandler(handler)


def log_interaction(user_id, message, response, metadata, latency):
    log_msg = (
        f"USER: {user_id} | Latency: {latency}ms\n"
        f"Message: {message}\n"
        f"Response: {response}\n"
        f"Metadata: {metadata}\n"
    )
    logger.info(log_msg)


def log_latency(latency_ms):
    with open("logs/latency.log", "a") as f:
        f.write(f"{latency_ms}\n")
