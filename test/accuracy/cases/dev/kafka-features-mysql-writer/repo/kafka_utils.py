import json
from kafka import KafkaProducer


def build_json_producer(servers):
    return KafkaProducer(
        bootstrap_servers=servers,
        value_serializer=lambda value: json.dumps(value).encode("utf-8"),
    )
