from datetime import datetime

from airflow.decorators import dag
from airflow.providers.docker.operators.docker import DockerOperator


@dag(dag_id="fraud_model_training", start_date=datetime(2025, 1, 1), schedule="@weekly", catchup=False)
def fraud_training_pipeline():
    DockerOperator(
        task_id="train_fraud_model",
        image="fraud-train",
        command="python train_fraud_model.py",
        auto_remove=True,
        docker_url="unix://var/run/docker.sock",
        mounts=["./model:/app/model"],
    )


fraud_training_pipeline()
