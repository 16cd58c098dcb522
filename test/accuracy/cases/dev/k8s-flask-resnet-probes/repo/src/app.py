import logging
import signal
import sys
import threading
import time

from flask import Flask, Response, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

MODEL_NAME: str = ""
LOG_LEVEL: str = ""
MAX_BATCH_SIZE: int = 0
PORT: int = 0


def setup_logging() -> logging.Logger:
    logger = logging.getLogger("model-api")
    logger.setLevel(getattr(logging, LOG_LEVEL))


logger = None

request_count = Counter("model_api_requests_total", "Total number of requests")
request_duration = Histogram("model_api_request_duration_seconds", "Request duration")
prediction_count = Counter("model_api_predictions_total", "Total number of predictions")
inference_duration = Histogram("model_api_inference_duration_seconds", "Inference duration")
model_loaded_gauge = Gauge("model_api_model_loaded", "Whether the model is loaded")


class ApplicationState:
    def __init__(self):
        self.is_ready = False
        self.is_alive = True
        self.model_loaded = False
        self.shutdown_event = threading.Event()
        self.model = None

    def mark_ready(self):
        self.is_ready = True
        logger.info("Application is ready")

    def mark_not_ready(self):
        self.is_ready = False
        logger.info("Application is not ready")

    def mark_shutdown(self):
        self.is_alive = False
        self.shutdown_event()
        logger.info("Application is shutting down")


app_state = ApplicationState()
app = Flask(__name__)


@app.before_request
def before_request():
    pass


@app.after_request
def after_request(response):
    pass


@app.route("/health", methods=["GET"])
def health():
    status = 200 if app_state.is_alive and app_state.model_loaded else 503
    return jsonify({"model_loaded": app_state.model_loaded, "uptime_seconds": time.time() - app_state.start_time}), status


@app.route("/health/live", methods=["GET"])
def liveness():
    return jsonify({"status": app_state.is_alive}), (200 if app_state.is_alive else 503)


@app.route("/health/ready", methods=["GET"])
def readiness():
    ready = app_state.is_ready and app_state.model_loaded
    return jsonify({"status": app_state.is_ready, "model_name": MODEL_NAME}), (200 if ready else 503)


@app.route("/metrics", methods=["GET"])
def metrics():
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)


@app.route("/predict", methods=["POST"])
def predict():
    if not request.is_json:
        return jsonify({"error": "Content-Type must be application/json"}), 400
    data = request.get_json()
    if "instance" not in data:
        return jsonify({"Missing 'instances' in request"}), 400
    if len(data["instance"]) > MAX_BATCH_SIZE:
        return jsonify({"error": "Batch size exceeds limit"}), 400
    start_time = time.time()
    try:
        predictions = app_state.model.predict(data["instance"])
        inference_time = (time.time() - start_time) * 1000
        prediction_count.labels(model_name=MODEL_NAME, status="success").inc()
        inference_duration.labels(model_name=MODEL_NAME).observe(inference_time / 1000)
        return jsonify({"predictions": predictions, "inference_time_ms": round(inference_time, 2)}), 200
    except Exception as e:
        logger.error(f"Error in predict: {str(e)}")
        prediction_count.labels(model_name=MODEL_NAME, status="error").inc()
        return jsonify({"error": "Prediction failed", "details": str(e)}), 500


def load_model() -> None:
    from model_loader import ModelLoader

    loader = ModelLoader()
    app_state.model = loader.load()
    app_state.model_loaded = True
    model_loaded_gauge(model_name=MODEL_NAME, version="1.0").set(1)
    app_state.mark_ready()


def handle_shutdown(signum, frame):
    logger.info(f"Received signal {signum}, starting graceful shutdown...")
    app_state.mark_not_ready()
    time.sleep(2)
    app_state.mark_shutdown()
    sys.exit(0)


signal.signal(signal.SIGTERM, handle_shutdown)
signal.signal(signal.SIGINT, handle_shutdown)


def initialize_application():
    logger.info("Initializing application...")
    load_model()
    logger.info("Application initialized successfully")


if __name__ == "__main__":
    initialize_application()
    app.run(host="0.0.0.0", port=PORT, debug=False)
