from datetime import timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.utils.dates import days_ago
from airflow.sensors.external_task_sensor import ExternalTaskSensor

default_args = {
    "owner": "airflow",
    "depends_on_past": False,
    "start_date": days_ago(10),
    "email": ["airflow@example.com"],
    "retries": 0,
    "retry_delay": timedelta(days=1),
}

with DAG(
    dag_id="train_dag",
    default_args=default_args,
    description="A DAG for training and evaluating model",
    schedule_interval=timedelta(days=7),
) as dag:
    preprocess = BashOperator(
        task_id="preprocess",
        bash_command=f"python /opt/airflow/scripts/preprocess.py -dd /opt/airflow/data/raw/ -od /opt/airflow/data/processed/",
    )
    split = BashOperator(
        task_id="split",
        bash_command=f"python /opt/airflow/scripts/splitter.py -dd /opt/airflow/data/processed/ -vs 0.2",
    )
    train = BashOperator(
        task_id="train",
        bash_command=f"python /opt/airflow/scripts/train.py -dd /opt/airflow/data/processed/ -od /opt/airflow/data/models/",
    )
    evaluate = BashOperator(
        task_id="evaluate",
        bash_command=f"python /opt/airflow/scripts/evaluate.py -dd /opt/airflow/data/processed/ -md /opt/airflow/data/models/ -od /opt/airflow/data/metrics/",
    )
    download_sensor = ExternalTaskSensor(
        task_id="data_downloaded_sensor",
        external_dag_id="download_dag",
        external_task_id="download",
        timeout=60,
        dag=dag,
    )
    download_sensor >> preprocess >> split >> train >> evaluate
