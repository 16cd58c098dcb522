import json
import pickle

import pika

with open("myfile.pkl", "rb") as pkl_file:
    regressor = pickle.load(pkl_file)

connection = pika.BlockingConnection(pika.ConnectionParameters(host="localhost"))
channel = connection.channel()
channel.queue_declare(queue="features")
channel.queue_declare(queue="y_pred")


def callback(ch, method, properties, body):
    print(f"received feature vector {body}")
    prediction = regressor.predict(body.body)
    message = {"id": body.message_id, "body": prediction}
    channel.basic_publish(exchange="", routing_key="y_pred", body=json.dumps(message))


channel.basic_consume(queue="features", on_message_callback=callback, auto_ack=True)
print("waiting for messages")
channel.start_consuming()
