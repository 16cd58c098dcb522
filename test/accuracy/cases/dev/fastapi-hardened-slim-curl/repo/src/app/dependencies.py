import joblib

from src.app.config import settings

_model = None


def get_model():
    global _model
    if _model is None:
        _model = joblib.load(settings.model_path)
    return _model
