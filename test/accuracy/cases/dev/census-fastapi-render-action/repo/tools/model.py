"""
define the model, metrics and inference
"""
from sklearn.metrics import fbeta_score, precision_score, recall_score
from sklearn.ensemble import RandomForestClassifier

SEED = 42


def train_model(X_train, y_train):
    """Trains a machine learning model and returns it."""
    rf = RandomForestClassifier(random_state=SEED)
    rf.fit(X_train, y_train)
    return rf


def compute_model_metrics(y, preds):
    """Precision, recall and F1 of binarized labels."""
    fbeta = fbeta_score(y, preds, beta=1, zero_division=1)
    precision = precision_score(y, preds, zero_division=1)
    recall = recall_score(y, preds, zero_division=1)
    return precision, recall, fbeta


def inference(model, X):
    """Run model inferences and return the predictions."""
    preds = model.predict(X)
    return preds
