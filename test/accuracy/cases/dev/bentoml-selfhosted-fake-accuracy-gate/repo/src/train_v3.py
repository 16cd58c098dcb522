import argparse
import os
import pickle

import mlflow
import pandas as pd
import xgboost as xgb
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import LabelEncoder
from sklearn.svm import LinearSVC

MLFLOW_URL = os.getenv("MLFLOW_TRACKING_URI")
data = pd.read_csv("src/dataset/tweet_sentiment_clean.csv")

parser = argparse.ArgumentParser()
parser.add_argument("--commit", required=True)
args = parser.parse_args()
mlflow.set_tracking_uri(MLFLOW_URL)

X = data['clean_tweet']
y = LabelEncoder().fit_transform(data['sentiment'])
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)

svc = Pipeline([('tfidf', TfidfVectorizer()), ('classifier', LinearSVC(max_iter=5000))])
xgbp = Pipeline([('tfidf', TfidfVectorizer()), ('classifier', xgb.XGBClassifier(eval_metric='mlogloss'))])

with mlflow.start_run(run_name=args.commit) as run:
    a = GridSearchCV(svc, {'classifier__C': [0.1, 1.0, 10.0]}, cv=5, n_jobs=-1)
    a.fit(X_train, y_train)
    b = GridSearchCV(xgbp, {'classifier__max_depth': [3, 5]}, cv=5, n_jobs=-1)
    b.fit(X_train, y_train)
    best_model = a.best_estimator_ if a.best_score_ > b.best_score_ else b.best_estimator_
    test_accuracy = accuracy_score(y_test, best_model.predict(X_test))
    mlflow.log_metric("test_accuracy", test_accuracy)
    os.makedirs("output", exist_ok=True)
    with open("output/accuracy.txt", "w") as f:
        f.write(str(test_accuracy))
    with open("model.pkl", "wb") as f:
        pickle.dump(best_model, f)
    mlflow.sklearn.log_model(best_model, "model")
    with open("output/run_id.txt", "w") as f:
        f.write(run.info.run_id)
