import logging

import mlflow
from flask import Flask, jsonify, render_template_string, request
from prometheus_flask_exporter import PrometheusMetrics
from pydantic import BaseModel, ValidationError

from config import *
from model import predict
from utils import calculate_alert, load_training_stats

mlflow.set_tracking_uri(MLFLOW_TRACKING_URI)
logging.basicConfig(level=logging.INFO)

app = Flask(__name__)
metrics = PrometheusMetrics(app, path="/metrics")

TRAIN_MEAN, TRAIN_STD = load_training_stats(TRAIN_STATS_FILENAME)


class InputData(BaseModel):
    x: float


HTML_TEMPLATE = """
<form method=post action="/predict-form"><input type=number step="any" name=x><input type=submit></form>
{% if prediction is not none %}<h3>Prediction: {{ prediction }}</h3>{% endif %}
"""


@app.route('/')
def home():
    return render_template_string(HTML_TEMPLATE, prediction=None, alert=False)


@app.route('/predict-form', methods=['POST'])
def predict_form():
    x = float(request.form['x'])
    pred = predict(x)
    alert, deviation, threshold = calculate_alert(x, TRAIN_MEAN, TRAIN_STD, ALERT_THRESHOLD)
    with mlflow.start_run(nested=True):
        mlflow.log_param("input", x)
        mlflow.log_metric("prediction", pred)
        mlflow.log_metric("alert_triggered", int(alert))
    return render_template_string(HTML_TEMPLATE, prediction=pred, alert=alert)


@app.route('/predict', methods=['POST'])
def make_prediction():
    try:
        input_data = InputData(**request.get_json())
        x = input_data.x
    except ValidationError as e:
        return jsonify({"error": e.errors()}), 400

    pred = predict(x)
    alert, deviation, threshold = calculate_alert(x, TRAIN_MEAN, TRAIN_STD, ALERT_THRESHOLD)
    logging.info(f"Input: {x}, Deviation: {deviation:.2f}, Alert: {alert}")

    with mlflow.start_run(nested=True):
        mlflow.log_param("input", x)
        mlflow.log_metric("prediction", pred)
        mlflow.log_metric("alert_triggered", int(alert))

    return jsonify({"prediction": pred, "alert": alert})


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=2001, debug=False)
