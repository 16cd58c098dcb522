# model_service.py
import json

from kafka import KafkaConsumer, KafkaProducer

from model import predict_fraud

# read from the 'transactions' topic
consumer = KafkaConsumer(
    'transactions',
    bootstrap_servers='localhost:9092',
    value_deserializer=lambda m: json.loads(m.decode('utf-8')),
    auto_offset_reset='latest',
    enable_auto_commit=True,
    group_id='model-group',
)

# write to the 'predictions' topic
producer = KafkaProducer(
    bootstrap_servers='localhost:9092',
    value_serializer=lambda v: json.dumps(v).encode('utf-8'),
)

print("ML Service running... Waiting for transactions.\n")

for msg in consumer:
    transaction = msg.value
    features = transaction['features']

    result = predict_fraud(features)
    print(f"Prediction: {result}")

    producer.send("predictions", result)
    producer.flush()
