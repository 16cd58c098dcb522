import json

from kafka import KafkaConsumer
from pymongo.mongo_client import MongoClient

BROKER_SERVER = '192.168.5.54:9092'

uri = "mongodb+srv://demo_user:Qw3rtyFakePass91@imagesdb.example.mongodb.net/?retryWrites=true&w=majority"
client = MongoClient(uri)
collection = client['imagesdb']['images']

consumer = KafkaConsumer(
    'images', 'predictions', 'performance',
    group_id='db-consumer',
    bootstrap_servers=[BROKER_SERVER],
    value_deserializer=lambda m: json.loads(m.decode('ascii')),
    consumer_timeout_ms=180000,
    auto_offset_reset='earliest',
)

for message in consumer:
    collection.update_one({"_id": message.value.get("ID")}, {"$set": message.value}, upsert=True)
    print("message received")
    consumer.commit()
