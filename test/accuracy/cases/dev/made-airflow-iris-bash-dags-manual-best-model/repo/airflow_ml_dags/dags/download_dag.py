from datetime import timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.utils.dates import days_ago

default_args = {
    "owner": "airflow",
    "depends_on_past": False,
    "start_date": days_ago(15),
    "email": ["airflow@example.com"],
    "retries": 0,
    "retry_delay": timedelta(days=1),
}

with DAG(
    dag_id="download_dag",
    default_args=default_args,
    description="A DAG for downloading data",
    schedule_interval=timedelta(days=1),
) as dag:
    task = BashOperator(
        task_id="download",
        bash_command=f"python /opt/airflow/scripts/download.py -od /opt/airflow/data/raw/",
    )

    task
