"""Health check module for deployment verification."""

import logging

from src.utils.config import get_project_root, load_config

logger = logging.getLogger(__name__)


def check_health() -> bool:
    """Verify that the model is loadable and can produce predictions."""
    try:
        import joblib

        config = load_config()
        model_path = get_project_root() / config["model"]["path"]
        if not model_path.exists():
            logger.warning("Model file not found: %s", model_path)
            return False
        model = joblib.load(model_path)
        prediction = model.predict([[5.1, 3.5, 1.4, 0.2]])
        return len(prediction) == 1
    except Exception:
        logger.exception("Health check failed")
        return False
