import os

MLFLOW_TRACKING_URI = os.getenv("MLFLOW_TRACKING_URI", "file:./mlruns")
MLFLOW_EXPERIMENT_NAME = "iris-classification"
API_HOST = "0.0.0.0"
API_PORT = 8000
CLASS_NAMES = ["setosa", "versicolor", "virginica"]
