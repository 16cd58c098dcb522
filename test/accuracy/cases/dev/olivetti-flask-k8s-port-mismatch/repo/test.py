"""Tests for the saved model."""
import os
import joblib
from sklearn.metrics import accuracy_score


def test_model_loading_and_accuracy():
    model_file = os.path.join('models', 'savedmodel.pth')
    assert os.path.exists(model_file), f"{model_file} not found. Run train.py first."
    data = joblib.load(model_file)
    clf = data['model']
    preds = clf.predict(data['X_test'])
    acc = accuracy_score(data['y_test'], preds)
    assert acc > 0.8, "Model accuracy is below the 0.8 threshold."
