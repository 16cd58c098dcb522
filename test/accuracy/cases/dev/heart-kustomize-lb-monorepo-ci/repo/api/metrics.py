from prometheus_client import Counter, Histogram

PREDICTIONS_TOTAL = Counter("predictions_total", "Predictions by label", ["label", "model_version"])
PREDICTION_ERRORS = Counter("prediction_errors_total", "Prediction errors", ["model_version", "error_type"])
PREDICTION_LATENCY = Histogram("prediction_latency_seconds", "Model latency", ["model_version"])
PREDICTION_PROBABILITY = Histogram("prediction_probability", "Positive-class probability", ["model_version"])
