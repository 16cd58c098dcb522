import os
import yaml
import pandas as pd

import pickle
from sklearn.metrics import accuracy_score
import mlflow

from dotenv import load_dotenv

load_dotenv()

ML_FLOW_TRACKING_URI = os.getenv("ML_FLOW_TRACKING_URI")
ML_FLOW_TRACKING_USERNAME = os.getenv("ML_FLOW_TRACKING_USERNAME")
ML_FLOW_TRACKING_PASSWORD = os.getenv("ML_FLOW_TRACKING_PASSWORD")

os.environ["MLFLOW_TRACKING_USERNAME"] = ML_FLOW_TRACKING_USERNAME
os.environ["MLFLOW_TRACKING_PASSWORD"] = ML_FLOW_TRACKING_PASSWORD

print(f"ML_FLOW_TRACKING_PASSWORD: {ML_FLOW_TRACKING_PASSWORD}")

root_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
params_path = os.path.join(root_dir, "params.yaml")
params = yaml.safe_load(open(params_path))["train"]


def evaluate(data_path, model_path):
    data = pd.read_csv(data_path)
    X = data.drop(columns=["Outcome"])
    y = data["Outcome"]

    mlflow.set_tracking_uri(ML_FLOW_TRACKING_URI)

    model = pickle.load(open(model_path, "rb"))
    y_pred = model.predict(X)
    accuracy = accuracy_score(y, y_pred)

    mlflow.log_metric("accuracy", accuracy)
    print(f"Model Accuracy: {accuracy}")


if __name__ == "__main__":
    data_path = os.path.join(root_dir, params["data"])
    model_path = os.path.join(root_dir, params["model"])

    evaluate(data_path, model_path)
