from pathlib import Path

import mlflow
import mlflow.sklearn
from sklearn import datasets
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

MODEL_LOCAL_DIR = Path("model_local")
MODEL_LOCAL_DIR.mkdir(exist_ok=True)

mlflow.set_experiment("MLflow Quickstart")

X, y = datasets.load_iris(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

params = {"solver": "lbfgs", "max_iter": 1000, "random_state": 8888}

mlflow.sklearn.autolog()

lr = LogisticRegression(**params)
lr.fit(X_train, y_train)

with mlflow.start_run():
    mlflow.log_params(params)
    mlflow.sklearn.log_model(sk_model=lr, name="iris_model")
    mlflow.sklearn.save_model(lr, MODEL_LOCAL_DIR)
    y_pred = lr.predict(X_test)
    mlflow.log_metric("accuracy", accuracy_score(y_test, y_pred))
    mlflow.log_metric("f1_score", f1_score(y_test, y_pred, average="weighted"))

print("saved to", MODEL_LOCAL_DIR)
