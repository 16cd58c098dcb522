import logging
import os
from datetime import timedelta

import pandas as pd
import requests
from airflow.decorators import dag, task
from airflow.utils.dates import days_ago

API_URL = "http://host.docker.internal:8050/predict/"
folder_path = "/opt/data/Folder C"


@dag(
    dag_id="prediction_job",
    schedule=timedelta(minutes=2),
    start_date=days_ago(n=0, hour=1),
    catchup=False,
)
def prediction_job():
    @task
    def check_for_new_data(path):
        csv_files = [f for f in os.listdir(path) if f.endswith(".csv") and not f.startswith("predicted_")]
        if not csv_files:
            return None
        df_list = []
        for file in csv_files:
            file_path = os.path.join(folder_path, file)
            df_list.append(pd.read_csv(file_path))
            os.rename(file_path, os.path.join(folder_path, f"predicted_{file}"))
        return pd.concat(df_list, ignore_index=True)

    @task
    def make_predictions(df):
        prediction_data = {}
        for _, row in df.iterrows():
            prediction_data = {
                "CreditScore": row["CreditScore"],
                "Age": row["Age"],
                "Balance": row["Balance"],
                "PredictionSource": "scheduled",
            }
        response = requests.post(API_URL, json=prediction_data)
        prediction = response.json()["prediction"]
        logging.info(f"{prediction}")

    df_to_predict = check_for_new_data(folder_path)
    make_predictions(df_to_predict)


scheduled_job_dag = prediction_job()
