from prometheus_client import Counter, make_asgi_app

PREDICTION_SUCCESS_TOTAL = Counter(
    "ml_predictions_total",
    "Successful ML predictions by predicted class.",
    labelnames=("predicted_class",),
)

metrics_app = make_asgi_app()


def record_successful_prediction(predicted_class: str) -> None:
    PREDICTION_SUCCESS_TOTAL.labels(predicted_class=predicted_class).inc()
