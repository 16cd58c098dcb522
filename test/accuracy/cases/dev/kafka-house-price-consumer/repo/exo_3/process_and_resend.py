from kafka import KafkaConsumer, KafkaProducer
import json
import numpy as np

consumer = KafkaConsumer("numbers", bootstrap_servers="203.0.113.10:9092")
producer = KafkaProducer(bootstrap_servers="203.0.113.10:9092")
for message in consumer:
    payload = json.loads(message.value.decode())
    data = np.array(payload["data"])
    total = str(np.sum(data))
    producer.send("processed", total.encode())
