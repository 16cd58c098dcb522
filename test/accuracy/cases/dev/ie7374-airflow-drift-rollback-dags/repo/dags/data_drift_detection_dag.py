from airflow import DAG
from airflow.operators.python import PythonOperator
from airflow.operators.email import EmailOperator
from datetime import datetime, timedelta
import pandas as pd
from src.data_drift import *

default_args = {
    'owner': 'Group 9',
    'start_date': datetime(2023, 9, 17),
    'retries': 2,
    'retry_delay': timedelta(minutes=5),
    "execution_timeout": timedelta(minutes=10),
}

drift_data_dag = DAG(
    "drift_data_dag",
    default_args=default_args,
    description="Data Drift Detection DAG",
    schedule_interval=None,
    catchup=False,
)

filename = "data_preprocess.csv"
drift_report = "data_drift.html"


def email_notify_failure(context):
    failure_email = EmailOperator(
        task_id='failure_email',
        to=["mlops.group.9@gmail.com"],
        subject='Task Failure',
        html_content='<p>Data drift dag Failed.</p>',
        dag=context['dag']
    )
    failure_email.execute(context=context)


send_email = EmailOperator(
    task_id='send_email',
    to=["mlops.group.9@gmail.com"],
    subject='Notification from Airflow',
    html_content='<p>This is a notification email sent from Airflow.</p>',
    dag=drift_data_dag,
    on_failure_callback=email_notify_failure,
)

load_data_task = PythonOperator(
    task_id='load_data',
    python_callable=load_data,
    provide_context=True,
    op_args=[filename],
    dag=drift_data_dag
)

evidently_task = PythonOperator(
    task_id='detect_drift_evidently',
    python_callable=detect_drift_evidently,
    provide_context=True,
    op_args=[drift_report],
    dag=drift_data_dag
)

ks_test_task = PythonOperator(
    task_id='detect_drift_ks_test',
    python_callable=detect_drift_ks_test,
    provide_context=True,
    dag=drift_data_dag
)

load_data_task >> [evidently_task, ks_test_task] >> send_email
