"""Project configuration and reusable constants."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]

DATA_DIR = PROJECT_ROOT / "data"
PROCESSED_DATA_DIR = DATA_DIR / "processed"
MODEL_DIR = PROJECT_ROOT / "flask_app" / "model"

MODEL_PATH = MODEL_DIR / "hist_gradient_boosting_model.joblib"
FEATURE_NAMES_PATH = MODEL_DIR / "feature_names.joblib"

TARGET_COL = "LoanOnCard"
RANDOM_STATE = 42
TEST_SIZE = 0.20
