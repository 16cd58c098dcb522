import json
import os
import time

import requests
from kafka import KafkaConsumer

BOOTSTRAP_SERVERS = os.getenv("BOOTSTRAP_SERVERS", "kafka:9092")
TOPIC = "fraud_transactions"
PREDICT_API = "http://fraud-api:8060/predict"


def main():
    consumer = None
    retries = 10
    delay = 5
    for i in range(retries):
        try:
            print(f"Connecting to Kafka at {BOOTSTRAP_SERVERS} (attempt {i + 1}/{retries})...")
            consumer = KafkaConsumer(
                TOPIC,
                bootstrap_servers=[BOOTSTRAP_SERVERS],
                value_deserializer=lambda v: json.loads(v.decode("utf-8")),
                auto_offset_reset="earliest",
                enable_auto_commit=True,
                group_id="fraud-group",
            )
            break
        except Exception as e:
            print(f"Failed to connect to Kafka: {e}")
            if i < retries - 1:
                time.sleep(delay)
            else:
                exit(1)

    print("Waiting for fraud transactions...")
    for msg in consumer:
        transaction = msg.value
        try:
            res = requests.post(PREDICT_API, json=transaction)
            print(f"Transaction {transaction.get('TransactionID', 'N/A')} => {res.json()}")
        except requests.exceptions.ConnectionError:
            print(f"Failed to connect to Fraud API at {PREDICT_API}. Is 'fraud-api' running?")
            time.sleep(5)
        except Exception as e:
            print(f"Error processing message: {e}")


if __name__ == "__main__":
    main()
