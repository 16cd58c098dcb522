from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest

API_REQUESTS = Counter("api_requests_total", "API requests", ["method", "path", "status"])
API_REQUEST_LATENCY = Histogram("api_request_latency_seconds", "API latency", ["method", "path"])
PREDICTIONS = Counter("predictions_total", "Predictions served")
KNOWN_PATHS = {"/health", "/metrics", "/predict"}


def normalize_request_path(path):
    return path if path in KNOWN_PATHS else "other"


def observe_prediction(result):
    PREDICTIONS.inc()


def render_metrics(summary_path):
    return generate_latest(), CONTENT_TYPE_LATEST
