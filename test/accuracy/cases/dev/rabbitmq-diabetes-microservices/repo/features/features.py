import json
import time
from datetime import datetime

import numpy as np
import pika
from sklearn.datasets import load_diabetes

np.random.seed(42)
X, y = load_diabetes(return_X_y=True)
random_row = np.random.randint(0, X.shape[0] - 1)

connection = pika.BlockingConnection(pika.ConnectionParameters("localhost"))
channel = connection.channel()
channel.queue_declare(queue="y_true")
channel.queue_declare(queue="features")

while True:
    message_id = datetime.timestamp(datetime.now())
    channel.basic_publish(exchange="", routing_key="y_true", body=json.dumps({"id": message_id, "body": y[random_row]}))
    print("true answer sent")
    channel.basic_publish(exchange="", routing_key="features", body=json.dumps({"id": message_id, "body": list(X[random_row])}))
    print("feature vector sent")
    time.sleep(10)

connection.close()
