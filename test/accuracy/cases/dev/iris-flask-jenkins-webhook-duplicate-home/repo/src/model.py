import joblib
import logging
from sklearn.ensemble import RandomForestClassifier
import os
import pytest

logger = logging.getLogger(__name__)

@pytest.mark.skip(reason="Not a test function")
def test(model, X_test, y_test):
    """Test the model and return accuracy"""
    try:
        accuracy = model.score(X_test, y_test)
        logger.info(f"Test accuracy: {accuracy:.4f}")
        return accuracy
    except Exception as e:
        logger.error(f"Error testing model: {str(e)}")
        raise

def train(X_train, y_train, model_params=None, model_path='model.joblib'):
    """Train a RandomForest classifier"""
    try:
        if model_params is None:
            model_params = {'n_estimators': 100, 'max_depth': 10, 'random_state': 42}
        model = RandomForestClassifier(**model_params)
        model.fit(X_train, y_train)
        os.makedirs(os.path.dirname(model_path), exist_ok=True)
        joblib.dump(model, model_path)
        logger.info(f"Model saved to {model_path}")
        return model
    except Exception as e:
        logger.error(f"Error training model: {str(e)}")
        raise

def predict(model, X, model_path=None):
    """Make predictions using the model"""
    try:
        if model is None and model_path is not None:
            model = joblib.load(model_path)
        if model is None:
            raise ValueError("Either model or model_path must be provided")
        return model.predict(X)
    except Exception as e:
        logger.error(f"Error making predictions: {str(e)}")
        raise
