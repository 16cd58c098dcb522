from datetime import datetime, timedelta
from airflow import DAG
from airflow.operators.python import PythonOperator
import json
import os
from src.model_roll_back import rollback_model

default_args = {
    'owner': 'Group 9',
    'start_date': datetime(2023, 9, 17),
    'retries': 0,
    'retry_delay': timedelta(minutes=5),
    "execution_timeout": timedelta(minutes=10),
}

config_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'config.json')

with open(config_path, 'r') as file:
    config = json.load(file)


def run_rollback():
    """Roll back the model named in config.json."""
    model_name = config.get('mlflow', {}).get('model_name', 'model')
    rollback_model(model_name)


with DAG(
    'model_rollback',
    default_args=default_args,
    description='Roll the MLflow model back',
    schedule=None,
    catchup=False,
) as dag:

    rollback_task = PythonOperator(
        task_id='run_rollback_task',
        python_callable=run_rollback,
        dag=dag,
    )
