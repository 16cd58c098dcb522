import os
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
import joblib
import mlflow
import mlflow.sklearn
from mlflow.tracking import MlflowClient

mlflow_tracking_uri = os.environ.get("MLFLOW_TRACKING_URI")
if mlflow_tracking_uri:
    mlflow.set_tracking_uri(mlflow_tracking_uri)

df = pd.read_csv("/inputs/preprocessed.csv")
X = df.drop("target", axis=1)
y = df["target"]

model = RandomForestClassifier()
model.fit(X, y)

with mlflow.start_run() as run:
    mlflow.sklearn.log_model(model, artifact_path="model")
    run_id = run.info.run_id
    model_uri = f"runs:/{run_id}/model"
    client = MlflowClient()
    try:
        client.create_model_version(name="argo-dag-demo", source=model_uri, run_id=run_id)
    except Exception as e:
        print('Model registration request failed:', e)

joblib.dump(model, "/outputs/model.pkl")
print("Training and MLflow logging done.")
