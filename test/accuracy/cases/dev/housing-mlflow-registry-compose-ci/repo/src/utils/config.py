"""
Configuration management for the Housing Price Prediction system.
"""

from typing import List
from pydantic import BaseSettings


class Settings(BaseSettings):
    """Application settings with environment variable support."""

    HOST: str = "0.0.0.0"
    PORT: int = 8000
    DEBUG: bool = False

    ALLOWED_ORIGINS: List[str] = ["http://localhost:3000", "http://localhost:8000"]

    MLFLOW_TRACKING_URI: str = "http://localhost:5000"
    MLFLOW_EXPERIMENT_NAME: str = "housing_price_prediction"

    MODELS_DIR: str = "./models"
    DATA_DIR: str = "./data"

    API_KEY: str = ""
    SECRET_KEY: str = "your-secret-key-here"

    class Config:
        env_file = ".env"
        case_sensitive = True


settings = Settings()
