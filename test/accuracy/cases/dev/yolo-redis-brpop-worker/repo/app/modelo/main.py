import json
import os

import redis
from yolo import predict_gap, predict_product

REDIS_HOST = os.getenv("REDIS_HOST", "localhost")
REDIS_PORT = int(os.getenv("REDIS_PORT", 6379))

r = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=0)

while True:
    # wait for the next task pushed by the backend
    _, value = r.brpop("task_queue")
    data = json.loads(value.decode())
    product_boxes = predict_product(data["path"])
    gap_boxes = predict_gap(data["path"])
    result = {"output_product": product_boxes, "output_gap": gap_boxes}
    # the backend polls this key for the answer
    r.set(data["id"], json.dumps(result))
