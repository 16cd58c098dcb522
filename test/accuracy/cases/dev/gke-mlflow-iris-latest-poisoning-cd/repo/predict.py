import os
import sys

import mlflow.pyfunc
import pandas as pd


def load_model():
    """Loads the latest 'iris-model' from the self-hosted MLflow server."""
    tracking_uri = os.environ.get("MLFLOW_TRACKING_URI")
    if not tracking_uri:
        print("ERROR: MLFLOW_TRACKING_URI environment variable not set.")
        return None

    try:
        mlflow.set_tracking_uri(tracking_uri)
        model_name = "iris-model"
        model_uri = f"models:/{model_name}/latest"
        model = mlflow.pyfunc.load_model(model_uri)
        print("Model loaded successfully.")
        return model
    except Exception as e:
        print(f"Error loading model from MLflow Registry: {e}")
        return None


def format_features(features):
    """Formats a list of feature strings into a DataFrame."""
    try:
        feature_values = [float(f) for f in features]
        column_names = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']
        return pd.DataFrame([feature_values], columns=column_names)
    except Exception as e:
        print(f"Error: Invalid input features. Expected 4 numbers. Got: {features}")
        print(e)
        return None


def make_prediction(model, data_df):
    """Makes a prediction using the loaded model and formatted data."""
    if model is None or data_df is None:
        return None
    prediction = model.predict(data_df)
    return prediction[0]


def main():
    if len(sys.argv) != 5:
        print("Usage: python predict.py <sepal_length> <sepal_width> <petal_length> <petal_width>")
        return
    model = load_model()
    if model:
        data_df = format_features(sys.argv[1:])
        if data_df is not None:
            print(f"Prediction: {make_prediction(model, data_df)}")


if __name__ == "__main__":
    main()
