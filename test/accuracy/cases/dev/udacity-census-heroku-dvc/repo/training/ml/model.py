import joblib
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import fbeta_score, precision_score, recall_score
from sklearn.linear_model import LogisticRegressionCV

RANDOM_STATE = 42


def train_model(X_train, y_train):
    """Trains the candidate classifiers and returns the best one."""
    classifiers = [LogisticRegressionCV(cv=5, random_state=RANDOM_STATE, max_iter=1e5),
                   RandomForestClassifier(random_state=RANDOM_STATE, n_estimators=20, max_depth=10)]
    best_model_score = 0.
    best_model = None
    for clf in classifiers:
        model = clf.fit(X_train, y_train)
        preds = inference(model, X_train)
        _, _, f_beta = compute_model_metrics(y_train, preds)
        if f_beta > best_model_score:
            best_model_score = f_beta
            best_model = model
    return best_model


def compute_model_metrics(y, preds):
    fbeta = fbeta_score(y, preds, beta=1, zero_division=1)
    precision = precision_score(y, preds, zero_division=1)
    recall = recall_score(y, preds, zero_division=1)
    return precision, recall, fbeta


def inference(model, X):
    return model.predict(X)


def save_model(model, path):
    joblib.dump(model, path)


def load_model(path):
    return joblib.load(path)
