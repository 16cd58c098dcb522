import sys
from datetime import datetime

from airflow import DAG
from airflow.operators.python import PythonOperator

sys.path.append("/opt/airflow/scripts")

from train_model import train_and_save_model

with DAG("train_model_dag", start_date=datetime(2024, 1, 1), schedule_interval="@daily", catchup=False) as dag:
    task_train = PythonOperator(
        task_id="train_model",
        python_callable=train_and_save_model,
    )

    task_train
