"""Central settings shared by training and serving."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW_DATA_FILE = ROOT / "data" / "raw" / "churn.csv"
BEST_MODEL_FILE = ROOT / "models" / "best_model.pkl"
MODEL_METADATA_FILE = ROOT / "models" / "model_metadata.json"

TARGET = "churn"
FEATURE_COLUMNS = [
    "senior_citizen", "tenure_months", "monthly_charges", "total_charges", "num_support_calls",
    "gender", "partner", "dependents", "contract_type", "payment_method",
    "internet_service", "tech_support", "paperless_billing",
]
RANDOM_STATE = 42
TEST_SIZE = 0.2

MLFLOW_TRACKING_URI = os.getenv("MLFLOW_TRACKING_URI", "sqlite:///mlflow.db")
MLFLOW_EXPERIMENT_NAME = os.getenv("MLFLOW_EXPERIMENT_NAME", "churn-prediction")
REGISTERED_MODEL_NAME = os.getenv("REGISTERED_MODEL_NAME", "churn-classifier")
