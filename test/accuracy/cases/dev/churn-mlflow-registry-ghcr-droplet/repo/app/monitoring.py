"""Prometheus metrics for the API: traffic, latency, errors and the prediction mix."""
from __future__ import annotations

import time

from prometheus_client import Counter, Histogram
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request

REQUEST_COUNT = Counter("churn_http_requests_total", "Total HTTP requests", ["method", "path", "status"])
REQUEST_LATENCY = Histogram("churn_http_request_latency_seconds", "HTTP request latency", ["path"])
PREDICTIONS_TOTAL = Counter("churn_predictions_total", "Predictions made")
PREDICTIONS_BY_LABEL = Counter("churn_predictions_by_label_total", "Predictions by label", ["label"])
PREDICTION_ERRORS = Counter("churn_prediction_errors_total", "Errors while predicting")


class PrometheusMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        start = time.perf_counter()
        response = await call_next(request)
        elapsed = time.perf_counter() - start

        path = request.scope.get("route").path if request.scope.get("route") else request.url.path
        REQUEST_LATENCY.labels(path=path).observe(elapsed)
        REQUEST_COUNT.labels(method=request.method, path=path, status=str(response.status_code)).inc()
        return response


def record_predictions(labels) -> None:
    for label in labels:
        PREDICTIONS_TOTAL.inc()
        PREDICTIONS_BY_LABEL.labels(label="churn" if int(label) == 1 else "stay").inc()
