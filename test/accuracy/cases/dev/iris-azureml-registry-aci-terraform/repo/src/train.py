import joblib
import os
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
import mlflow
import mlflow.sklearn

from azure.ai.ml import MLClient
from azure.identity import DefaultAzureCredential

SUBSCRIPTION_ID = os.environ.get("AZURE_SUBSCRIPTION_ID")
RESOURCE_GROUP_NAME = os.environ.get("AZURE_RESOURCE_GROUP_NAME")
WORKSPACE_NAME = os.environ.get("AZURE_ML_WORKSPACE_NAME")

try:
    ml_client = MLClient(
        credential=DefaultAzureCredential(),
        subscription_id=SUBSCRIPTION_ID,
        resource_group_name=RESOURCE_GROUP_NAME,
        workspace_name=WORKSPACE_NAME
    )
    azure_mlflow_tracking_uri = ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri
    mlflow.set_tracking_uri(azure_mlflow_tracking_uri)
    mlflow.set_experiment("Iris_Logistic_Regression_Azure_AML")

except Exception as e:
    print(f"Could not connect to Azure ML or retrieve MLflow URI: {e}")
    print("Defaulting to local MLflow tracking ('mlruns/' directory).")
    mlflow.set_tracking_uri("mlruns")
    mlflow.set_experiment("Iris_Logistic_Regression_Local")


if __name__ == "__main__":
    X, y = load_iris(return_X_y=True)

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

    hyperparameters = {
        "penalty": "l2",
        "C": 1.0,
        "solver": "lbfgs",
        "max_iter": 1000,
        "random_state": 42
    }
    registered_model_name = "IrisLogisticRegressionModel"

    with mlflow.start_run() as run:
        run_id = run.info.run_id

        model = LogisticRegression(**hyperparameters)
        model.fit(X_train, y_train)

        y_pred = model.predict(X_test)
        accuracy = accuracy_score(y_test, y_pred)
        f1 = f1_score(y_test, y_pred, average='weighted', zero_division=0)

        mlflow.log_params(hyperparameters)
        mlflow.log_metric("accuracy", accuracy)
        mlflow.log_metric("f1_score", f1)
        print(f"  Accuracy: {accuracy:.4f}")

        model_artifact_path = "logistic_regression_model_artifact"
        mlflow.sklearn.log_model(
            sk_model=model,
            artifact_path=model_artifact_path,
        )

        run_uri = f"runs:/{run_id}/{model_artifact_path}"
        registered_model = mlflow.register_model(
            model_uri=run_uri,
            name=registered_model_name
        )
        print(f"Model registered. Version: {registered_model.version}")

        joblib_model_path = "model.pkl"
        joblib.dump(model, joblib_model_path)

    try:
        with open(joblib_model_path, 'rb') as f:
            loaded_model = joblib.load(f)
        dummy_input = np.array([[5.1, 3.5, 1.4, 0.2]])
        _ = loaded_model.predict(dummy_input)
        print("Model can make predictions.")

    except Exception as e:
        print(f"ERROR: Model integrity check failed at source: {e}")
        exit(1)

        mlflow.log_artifact(joblib_model_path)
        print("\nTraining and logging complete.")
