from prefect import task, flow
from datetime import datetime, timedelta
import boto3
import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler
from tensorflow.keras.models import Sequential, load_model
from tensorflow.keras.layers import Dense, Dropout
import mlflow
import mlflow.keras
from mlflow.models import infer_signature
from fetch_data import get_week_data
from data_processing import process_data_and_feature_engineering
import os

S3_BUCKET = "pipeline"
S3_FEATURES_KEY = "features/latest_features.csv"
S3_MODEL_KEY = "models/latest_model.h5"
S3_ENDPOINT_URL = "http://host.docker.internal:9000"
S3_ACCESS_KEY = "minioadmin"
S3_SECRET_KEY = "minioadmin"
EPOCHS = 10
BATCH_SIZE = 256
TEST_SIZE = 0.2
VALIDATION_SPLIT = 0.1
THRESHOLD_FACTOR = 1.5
VALIDATION_THRESHOLD = 0.2


def get_s3_client():
    return boto3.client(
        "s3",
        endpoint_url=S3_ENDPOINT_URL,
        aws_access_key_id=S3_ACCESS_KEY,
        aws_secret_access_key=S3_SECRET_KEY,
        region_name="us-east-1",
    )


mlflow.set_tracking_uri("http://host.docker.internal:5000")
mlflow.set_experiment("Model Training Pipeline")


@task
def fetch_data_from_api() -> dict:
    s3 = get_s3_client()
    os.makedirs("./tmp", exist_ok=True)
    try:
        s3.head_object(Bucket=S3_BUCKET, Key=S3_MODEL_KEY)
    except:
        print("Model does not exist")
        s3.upload_file("./latest_model.h5", S3_BUCKET, S3_MODEL_KEY)
    current_date = datetime.now()
    start_date = current_date - timedelta(days=current_date.weekday())
    end_date = start_date + timedelta(days=6)
    fetched = get_week_data(start_date.strftime("%Y-%m-%d"), end_date.strftime("%Y-%m-%d"))
    saved_files = {}
    for name, data in fetched.items():
        path = f"./tmp/aggregated_data_{name}.csv"
        data.to_csv(path)
        saved_files[name] = path
    return saved_files


@task
def preprocess_and_feature_engineer(data_files: dict) -> str:
    features = process_data_and_feature_engineering()
    features_path = "./tmp/features.csv"
    features.to_csv(features_path)
    get_s3_client().upload_file(features_path, S3_BUCKET, S3_FEATURES_KEY)
    return features_path


@task
def train_model(features_path: str) -> str:
    try:
        s3 = get_s3_client()
        s3.download_file(S3_BUCKET, S3_FEATURES_KEY, features_path)
        data = pd.read_csv(features_path, index_col=0)

        scaler = MinMaxScaler()
        data_scaled = scaler.fit_transform(data)

        X_train, X_test = train_test_split(data_scaled, test_size=TEST_SIZE, random_state=42)

        model_path = "./tmp/model.h5"
        try:
            s3.download_file(S3_BUCKET, S3_MODEL_KEY, model_path)
            model = load_model(model_path, compile=False)
            model.compile(optimizer="adam", loss="mse")
        except Exception as e:
            print("error loading model", e)
            input_dim = X_train.shape[1]
            model = Sequential([
                Dense(64, activation="relu", input_dim=input_dim),
                Dropout(0.2),
                Dense(32, activation="relu"),
                Dense(input_dim, activation="sigmoid"),
            ])
            model.compile(optimizer="adam", loss="mse")

        with mlflow.start_run():
            mlflow.keras.autolog()
            history = model.fit(X_train, X_train, epochs=EPOCHS, batch_size=BATCH_SIZE, validation_split=VALIDATION_SPLIT, shuffle=True)

            val_loss = history.history["val_loss"][-1]
            mlflow.log_metric("final_validation_loss", val_loss)

            reconstructions = model.predict(X_test)
            signature = infer_signature(X_test, reconstructions)
            errors = np.mean(np.square(X_test - reconstructions), axis=1)
            threshold = np.mean(errors) + THRESHOLD_FACTOR * np.std(errors)
            mlflow.log_metric("anomaly_threshold", threshold)

            if val_loss < VALIDATION_THRESHOLD:
                model.save(model_path)
                s3.upload_file(model_path, S3_BUCKET, S3_MODEL_KEY)
                mlflow.keras.log_model(model, artifact_path="model", registered_model_name="DeployedModel", signature=signature)
                print("Model deployed successfully")
            else:
                print(f"Validation failed. Model not saved. Loss: {val_loss}")

        return model_path

    except UnicodeEncodeError:
        pass
    except Exception as e:
        print(f"Error during training: {str(e)}")
        raise e


@flow(name="automated_model_pipeline")
def model_training_flow():
    data_files = fetch_data_from_api()
    features_path = preprocess_and_feature_engineer(data_files)
    train_model(features_path)


if __name__ == "__main__":
    model_training_flow()
