import mlflow
mlflow.set_tracking_uri("http://localhost:5000")

import pandas as pd
import numpy as np
import requests
import json
from sklearn.metrics import mean_squared_error
from datetime import datetime
from preprocess import DataPreprocessor

mlflow.set_experiment("model_monitoring")

SERVED_MODEL_ENDPOINT = "http://localhost:1234/invocations"


def check_performance(new_data_csv):
    df = pd.read_csv(new_data_csv)
    preproc = DataPreprocessor()
    X, y = preproc.preprocess_data(df, is_training=False)

    input_data = X.to_dict(orient='split')

    try:
        response = requests.post(
            SERVED_MODEL_ENDPOINT,
            headers={"Content-Type": "application/json"},
            data=json.dumps({"dataframe_split": input_data})
        )

        print(f"Response status: {response.status_code}")

        if response.status_code != 200:
            print(f"Error from model server: {response.text}")
            return

        response_data = response.json()
        if isinstance(response_data, dict) and 'predictions' in response_data:
            predictions = response_data['predictions']
        else:
            predictions = response_data

        predictions = [float(pred) for pred in predictions]

        rmse = np.sqrt(mean_squared_error(y, predictions))
        print(f"Logged live RMSE: {rmse:.2f}")

        with mlflow.start_run(run_name=f"live_monitor_{datetime.utcnow().isoformat()}"):
            mlflow.log_metric("rmse", rmse)
            for i, (pred, actual) in enumerate(zip(predictions, y)):
                mlflow.log_metric(f"pred_{i}", pred)
                mlflow.log_metric(f"actual_{i}", actual)
                mlflow.log_metric(f"error_{i}", abs(pred - actual))

    except Exception as e:
        print(f"Error: {str(e)}")
        import traceback
        print(traceback.format_exc())


if __name__ == "__main__":
    check_performance("data/new_student_habits.csv")
