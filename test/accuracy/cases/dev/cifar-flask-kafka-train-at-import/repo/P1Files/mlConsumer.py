import json

import requests
from kafka import KafkaConsumer

url = "http://ml-server-service:5000/predict"
BROKER_SERVER = 'kafka-service:9092'

consumer = KafkaConsumer(
    'images',
    group_id='ml-consumer',
    bootstrap_servers=[BROKER_SERVER],
    value_deserializer=lambda m: json.loads(m.decode('ascii')),
    consumer_timeout_ms=20000,
    auto_offset_reset='earliest',
)

for message in consumer:
    print("Sending Message...")
    outgoing = {"ID": message.value.get("ID"), "Data": message.value.get("Data")}
    requests.post(url, json=outgoing)
    print("Message sent")
    consumer.commit()
