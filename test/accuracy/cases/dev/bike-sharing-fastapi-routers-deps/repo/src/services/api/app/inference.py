from .config import settings
import joblib
import numpy as np

_model = None

def load_model():
    global _model
    if _model is None:
        _model = joblib.load(settings.MODEL_PATH)
    return _model

def predict_df(df, inverse_transform: bool = True):
    model = load_model()
    y = model.predict(df.values.astype(float))
    return np.expm1(y) if inverse_transform else y
