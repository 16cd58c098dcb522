import json

import joblib
import pandas as pd
from kafka import KafkaConsumer

model = joblib.load("/home/learner/Desktop/Projects/fraud-pipeline/model/fraud.pkl")

consumer = KafkaConsumer(
    "transactions",
    bootstrap_servers=["localhost:9093"],
    value_deserializer=lambda v: json.loads(v.decode("utf-8")),
)

for msg in consumer:
    x = pd.DataFrame([[msg.value["amount"]]], columns=["amount"])
    pred = model.predict(x)[0]

    if pred == 1:
        print(f"FRAUD DETECTED: {msg.value}")
    else:
        print(".", end="", flush=True)
