from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.python_operator import PythonOperator
from python_callable.model.predict import run_model_predict

default_args = {
    "owner": "airflow",
    "depends_on_past": False,
    "email_on_failure": False,
    "retires": 1,
    "retry_delay": timedelta(minutes=5),
}

with DAG(
    "daily_batch_dag",
    default_args=default_args,
    start_date=datetime.now(),
    schedule_interval="0 0 * * *",
) as dag:
    load_model_and_predict = PythonOperator(
        task_id="load_model_and_predict",
        python_callable=run_model_predict,
        dag=dag,
    )
