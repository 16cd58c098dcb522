import joblib
from train import model


def test_model_saved():
    loaded = joblib.load("model.pkl")
    assert loaded is not None


def test_model_predicts():
    preds = model.predict([[5.1, 3.5, 1.4, 0.2]])
    assert len(preds) == 1
