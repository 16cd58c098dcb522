"""Airflow DAG for batch transaction processing: S3 -> validation -> ML API -> Postgres."""

import logging
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.docker.operators.docker import DockerOperator
from airflow.providers.standard.operators.python import PythonOperator
from airflow.sdk.bases.hook import BaseHook

logger = logging.getLogger(__name__)


class DynamicDockerOperator(DockerOperator):
    """Custom DockerOperator that pulls environment variables from XCom."""

    def __init__(self, xcom_task_id: str, xcom_key: str = "return_value", **kwargs):
        self.xcom_task_id = xcom_task_id
        self.xcom_key = xcom_key
        super().__init__(**kwargs)

    def execute(self, context):
        ti = context.get("ti")
        if ti:
            env_vars = ti.xcom_pull(task_ids=self.xcom_task_id, key=self.xcom_key)
            if env_vars:
                self.environment = env_vars

        return super().execute(context)


default_args = {
    "owner": "data-engineering",
    "depends_on_past": False,
    "email_on_failure": False,
    "email_on_retry": False,
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
    "execution_timeout": timedelta(hours=2),
}

with DAG(
    dag_id="batch_transaction_pipeline",
    default_args=default_args,
    description="Batch processing pipeline for transaction classification on transaction data",
    schedule="*/2 * * * *",  # Every 2 minutes
    start_date=datetime(2026, 1, 1),
    catchup=False,
    tags=["batch", "ml", "transactions"],
) as dag:
    BATCH_CONFIG = {
        "ROW_BATCH_SIZE": "5000",
        "API_BATCH_SIZE": "100",
        "API_MAX_WORKERS": "5",
        "DB_ROW_BATCH_SIZE": "1000",
    }

    def get_environment_vars(**context):
        """Retrieve secrets from Airflow Connections and add batch configuration."""
        run_id = context["run_id"]

        postgres_conn = BaseHook.get_connection("postgres_transactions")
        database_url = postgres_conn.get_uri()

        if database_url.startswith("postgres://"):
            database_url = database_url.replace("postgres://", "postgresql://", 1)

        minio_conn = BaseHook.get_connection("minio_s3")
        endpoint_url = f"http://{minio_conn.host}:{minio_conn.port}"
        minio_key = minio_conn.login
        minio_secret = minio_conn.password

        ml_api_conn = BaseHook.get_connection("ml_api")
        ml_api_url = f"http://{ml_api_conn.host}:{ml_api_conn.port}"

        env_vars = {
            "DATABASE_URL": database_url,
            "ENDPOINT_URL": endpoint_url,
            "KEY": minio_key,
            "SECRET": minio_secret,
            "ML_API_URL": ml_api_url,
            "BATCH_RUN_ID": run_id,
        }
        env_vars.update(BATCH_CONFIG)

        # Store in XCom for next task
        return env_vars

    get_env_task = PythonOperator(
        task_id="get_environment_vars",
        python_callable=get_environment_vars,
    )

    run_batch_processing = DynamicDockerOperator(
        task_id="run_batch_processing",
        image="batch-processor:latest",
        api_version="auto",
        auto_remove="success",
        network_mode="dataeng-q3-2025_ml-network",
        docker_url="unix://var/run/docker.sock",
        mount_tmp_dir=False,
        xcom_task_id="get_environment_vars",
    )

    def log_completion(**context):
        logical_date = context.get("logical_date") or context.get("data_interval_start")
        run_id = context["run_id"]
        logger.info(f"Batch pipeline completed successfully for {logical_date}")
        logger.info(f"Run ID: {run_id}")
        return "success"

    log_completion_task = PythonOperator(
        task_id="log_completion",
        python_callable=log_completion,
    )

    get_env_task >> run_batch_processing >> log_completion_task  # type: ignore[expression-value]
