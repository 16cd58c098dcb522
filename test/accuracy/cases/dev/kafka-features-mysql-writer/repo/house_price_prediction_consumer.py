import json
from kafka import KafkaConsumer
from db_utils import insert_predicted_price

topic_name = "house_price_prediction"

consumer = KafkaConsumer(
    topic_name,
    bootstrap_servers=["broker-host"],
    value_deserializer=lambda raw: json.loads(raw.decode("utf-8")),
)

for message in consumer:
    print(message.value)
    for predicted_price in message.value["house_prices"]:
        insert_predicted_price(predicted_price)
