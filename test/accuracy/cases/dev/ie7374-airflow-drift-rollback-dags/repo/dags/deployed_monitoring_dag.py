from airflow import DAG
from airflow.operators.python_operator import PythonOperator, BranchPythonOperator
from airflow.operators.trigger_dagrun import TriggerDagRunOperator
from datetime import datetime, timedelta
from src.model_pipeline import (
    load_processed_data,
    download_model_artifacts,
    load_model,
    test_and_evaluate_model,
    threshold_verification,
)

default_args = {
    'owner': 'Group 9',
    'start_date': datetime(2023, 9, 17),
    'retries': 0,
    'retry_delay': timedelta(minutes=5),
    "execution_timeout": timedelta(minutes=10),
}

with DAG(
    "deployment_monitoring_dag",
    default_args=default_args,
    description="Monitor the deployed model and retrain when thresholds are violated.",
    schedule_interval='@weekly',
    catchup=False,
) as dag:

    def get_validation_outputs(**kwargs):
        X_train, X_test, y_train, y_test = load_processed_data(
            filename="data_preprocess.csv",
            target_column="value",
            test_size=0.2,
            random_state=42,
        )
        if X_test is None or y_test is None:
            raise ValueError("Failed to load the test dataset.")
        model_name = download_model_artifacts()
        model = load_model(model_name)
        metrics = test_and_evaluate_model(model, X_test, y_test)
        return metrics["mse"], metrics["mae"], metrics["r2 score"]

    def check_thresholds_task(**kwargs):
        thresholds = kwargs['thresholds']
        validation_outputs = kwargs['ti'].xcom_pull(task_ids="get_validation_outputs_task")
        result = threshold_verification(thresholds, validation_outputs)
        return "skip_retraining" if result else "trigger_rollback_dag"

    download_model_task = PythonOperator(
        task_id="download_model_task",
        python_callable=download_model_artifacts,
    )

    trigger_data_drift_dag = TriggerDagRunOperator(
        task_id="trigger_data_drift_dag",
        trigger_dag_id="drift_data_dag",
        wait_for_completion=True,
    )

    check_thresholds = BranchPythonOperator(
        task_id="check_thresholds",
        python_callable=check_thresholds_task,
        op_kwargs={'thresholds': (1000, 1000, 0.7)},
    )

    get_validation_outputs_task = PythonOperator(
        task_id="get_validation_outputs_task",
        python_callable=get_validation_outputs,
    )

    def skip_retraining_task():
        print("Skipping retraining. Thresholds met.")

    skip_retraining = PythonOperator(
        task_id="skip_retraining",
        python_callable=skip_retraining_task,
    )

    trigger_retraining_dag = TriggerDagRunOperator(
        task_id="trigger_retraining_dag",
        trigger_dag_id="model_retrain_evaluate",
        wait_for_completion=True,
    )

    trigger_rollback_dag = TriggerDagRunOperator(
        task_id="trigger_rollback_dag",
        trigger_dag_id="model_rollback",
        wait_for_completion=True,
    )

    download_model_task >> trigger_data_drift_dag >> get_validation_outputs_task >> check_thresholds
    check_thresholds >> [skip_retraining, trigger_rollback_dag]
    trigger_rollback_dag >> trigger_retraining_dag
