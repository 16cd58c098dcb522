import json
import os.path
import time

import joblib
from aws_embedded_metrics import metric_scope, MetricsLogger
from aws_embedded_metrics.config import get_config


class EmfMetrics:
    """CloudWatch embedded metrics for custom figures"""

    @staticmethod
    def setup():
        cfg = get_config()
        cfg.namespace = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", cfg.namespace) + "_emf"
        cfg.environment = os.environ.get("AWS_EXECUTION_ENV", "local")

    @staticmethod
    @metric_scope
    def put_duration(name: str, duration_seconds: float, metrics: MetricsLogger):
        metrics.put_metric(name, duration_seconds, "Seconds")


def load_model():
    start = time.time()
    path = os.path.join(os.path.dirname(__file__), "data/model.joblib.gz")
    model = joblib.load(path)
    EmfMetrics.put_duration("load_model.duration", time.time() - start)
    return model


EmfMetrics.setup()
model = load_model()


def lambda_handler(event, context):
    request_body = json.loads(event["body"])
    prediction = model.predict([request_body["text"]])[0]

    return {
        "statusCode": 200,
        "body": json.dumps({"response": prediction, "request": request_body}),
    }
