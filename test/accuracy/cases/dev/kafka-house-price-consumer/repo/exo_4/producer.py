from kafka import KafkaProducer
import json

producer = KafkaProducer(bootstrap_servers="203.0.113.10:9092")
message = json.dumps({"data": {"size": 50, "nb_rooms": 1, "garden": 1}})
producer.send("prediction_house", message.encode())
producer.flush()
