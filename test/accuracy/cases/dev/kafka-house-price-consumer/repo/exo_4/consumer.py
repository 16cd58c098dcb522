from kafka import KafkaConsumer
from model_utils import load_model, make_prediction
import json

model = load_model()
consumer = KafkaConsumer("prediction_house", bootstrap_servers="203.0.113.10:9092", group_id="prediction_group")
for message in consumer:
    payload = json.loads(message.value.decode())
    data = payload["data"]
    prediction = make_prediction(size=data["size"], nb_rooms=data["nb_rooms"], garden=data["garden"], model=model)
    print("Prediction: ", prediction)
