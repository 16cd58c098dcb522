"""Paths, seed and training parameters in one place."""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = BASE_DIR / "data"
OUTPUT_DIR = BASE_DIR / "output"

DATA_PATH = DATA_DIR / "telco_churn.csv"
MODEL_PATH = OUTPUT_DIR / "churn_model.joblib"
METRICS_PATH = OUTPUT_DIR / "metrics.json"

RANDOM_STATE = 42
TEST_SIZE = 0.2
SYNTHETIC_N_ROWS = 7043

TARGET = "Churn"
RISK_THRESHOLD = 0.5
