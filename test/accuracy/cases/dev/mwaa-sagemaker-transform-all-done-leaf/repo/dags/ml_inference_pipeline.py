"""Unified ML Inference Pipeline DAG.

Model Registry resolution -> SageMaker Batch Transform -> Output -> RDS

Required Airflow Variables: ml_pipeline_s3_bucket, ml_pipeline_model_package_group,
ml_pipeline_db_secret_arn. Optional: ml_pipeline_aws_region, ml_pipeline_db_table,
ml_pipeline_default_instance_type.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pendulum
from airflow import DAG
from airflow.models import Variable
from airflow.operators.python import PythonOperator
from airflow.providers.amazon.aws.operators.sagemaker import SageMakerTransformOperator
from airflow.providers.amazon.aws.sensors.s3 import S3KeySensor
from airflow.utils.trigger_rule import TriggerRule

from utils import db, registry, s3_utils
from utils import sagemaker as sm_utils
from utils import validation

logger = logging.getLogger(__name__)


def _cfg(key: str, default: str | None = None) -> str:
    """Fetch an Airflow Variable at task runtime; raise clearly when a required one is absent."""
    val = Variable.get(key, default_var=default)
    if val is None:
        raise RuntimeError(
            f"Airflow Variable '{key}' is not set. "
            "Add it under Admin → Variables in the MWAA UI before running."
        )
    return val


_TRANSFORM_OP_CONFIG = {
    "TransformJobName": "{{ ti.xcom_pull(task_ids='build_transform_config', key='job_name') }}",
    "ModelName":        "{{ ti.xcom_pull(task_ids='build_transform_config', key='model_name') }}",
    "BatchStrategy":    "SingleRecord",
    "MaxConcurrentTransforms": 1,
    "MaxPayloadInMB": 6,
    "TransformInput": {
        "DataSource": {
            "S3DataSource": {
                "S3DataType": "S3Prefix",
                "S3Uri": "{{ ti.xcom_pull(task_ids='build_transform_config', key='input_s3') }}",
            }
        },
        "ContentType": "text/csv",
        "SplitType":   "Line",
    },
    "TransformOutput": {
        "S3OutputPath": "{{ ti.xcom_pull(task_ids='build_transform_config', key='output_s3') }}",
        "AssembleWith": "Line",
    },
    "TransformResources": {
        "InstanceType":  "{{ ti.xcom_pull(task_ids='build_transform_config', key='instance_type') }}",
        "InstanceCount": 1,
    },
}


def _validate_input(**context) -> dict:
    conf = context["dag_run"].conf or {}
    validated = validation.validate_dag_conf(conf)
    context["ti"].xcom_push(key="validated_conf", value=validated)
    return validated


def _preprocessing_data(**context) -> dict:
    ti = context["ti"]
    conf = ti.xcom_pull(task_ids="validate_input", key="validated_conf") or {}

    execution_date: str = conf.get("execution_date_override") or context["ds"]
    bucket = _cfg("ml_pipeline_s3_bucket")

    summary = s3_utils.validate_input_data(bucket, f"batch/input/{execution_date}/")
    ti.xcom_push(key="execution_date", value=execution_date)
    logger.info("Input OK for %s — %s", execution_date, summary)
    return summary


def _load_model_from_registry(**context) -> dict:
    ti = context["ti"]
    conf = ti.xcom_pull(task_ids="validate_input", key="validated_conf") or {}

    region   = _cfg("ml_pipeline_aws_region", default="ca-central-1")
    group    = conf.get("model_package_group_override") or _cfg("ml_pipeline_model_package_group")
    default_instance = conf.get("instance_type_override") or _cfg(
        "ml_pipeline_default_instance_type", default="ml.m5.xlarge"
    )

    model_info = registry.get_latest_approved_model(
        model_package_group_name=group,
        region=region,
        default_instance_type=default_instance,
    )

    if "instance_type_override" in conf:
        model_info["instance_type"] = conf["instance_type_override"]

    ti.xcom_push(key="model_info", value=model_info)
    return model_info


def _build_transform_config(**context) -> dict:
    ti = context["ti"]

    model_info = ti.xcom_pull(task_ids="load_model_from_registry", key="model_info")
    if not model_info:
        raise RuntimeError("model_info XCom is empty — load_model_from_registry failed.")

    execution_date = (
        ti.xcom_pull(task_ids="preprocessing_data", key="execution_date") or context["ds"]
    )

    config = sm_utils.build_transform_config(
        model_info=model_info,
        s3_bucket=_cfg("ml_pipeline_s3_bucket"),
        execution_date=execution_date,
        dag_id=context["dag"].dag_id,
        ts_nodash=context["ts_nodash"],
    )

    for k, v in config.items():
        ti.xcom_push(key=k, value=v)

    logger.info("Transform config: %s", config)
    return config


def _postprocess_output(**context) -> str:
    ti = context["ti"]
    bucket         = ti.xcom_pull(task_ids="build_transform_config", key="output_bucket")
    output_prefix  = ti.xcom_pull(task_ids="build_transform_config", key="output_prefix")
    processed_key  = ti.xcom_pull(task_ids="build_transform_config", key="processed_s3_key")

    df = s3_utils.collect_inference_results(bucket=bucket, output_prefix=output_prefix)
    uri = s3_utils.write_dataframe_to_s3(df=df, bucket=bucket, key=processed_key)

    ti.xcom_push(key="processed_s3_uri", value=uri)
    logger.info("Postprocessing complete — %d rows staged at %s", len(df), uri)
    return uri


def _validate_output(**context) -> None:
    ti = context["ti"]
    uri = ti.xcom_pull(task_ids="postprocess_output", key="processed_s3_uri")
    if not uri:
        raise RuntimeError("processed_s3_uri XCom is empty — postprocess_output failed.")

    df = s3_utils.read_dataframe_from_s3(uri)
    validation.validate_output_dataframe(df)


def _load_to_rds(**context) -> int:
    ti = context["ti"]

    uri           = ti.xcom_pull(task_ids="postprocess_output", key="processed_s3_uri")
    job_name      = ti.xcom_pull(task_ids="build_transform_config", key="job_name")
    model_name    = ti.xcom_pull(task_ids="build_transform_config", key="model_name")
    model_version = ti.xcom_pull(task_ids="build_transform_config", key="model_version")
    execution_date = (
        ti.xcom_pull(task_ids="preprocessing_data", key="execution_date") or context["ds"]
    )

    inserted = db.load_to_rds(
        df=s3_utils.read_dataframe_from_s3(uri),
        table=_cfg("ml_pipeline_db_table", default="batch_inference_results"),
        secret_arn=_cfg("ml_pipeline_db_secret_arn"),
        region=_cfg("ml_pipeline_aws_region", default="ca-central-1"),
        job_name=job_name,
        model_name=model_name,
        model_version=model_version,
        execution_date=execution_date,
    )

    ti.xcom_push(key="inserted_rows", value=inserted)
    return inserted


def _log_status(**context) -> None:
    """Log a summary of the run; runs with ALL_DONE so it executes even when an upstream task fails."""
    ti = context["ti"]
    inserted = ti.xcom_pull(task_ids="load_to_rds", key="inserted_rows")
    status = "SUCCESS" if inserted is not None else "FAILED"

    summary = {
        "dag_id":         context["dag"].dag_id,
        "run_id":         context["run_id"],
        "execution_date": context["ds"],
        "status":         status,
        "model_version":  str(ti.xcom_pull(task_ids="build_transform_config", key="model_version")),
        "rows_inserted":  str(inserted or 0),
    }
    logger.info("ML INFERENCE PIPELINE — EXECUTION SUMMARY: %s", summary)


_DEFAULT_ARGS = {
    "owner":                    "ml-platform",
    "depends_on_past":          False,
    "email_on_failure":         False,
    "email_on_retry":           False,
    "retries":                  1,
    "retry_delay":              timedelta(minutes=5),
    "retry_exponential_backoff": True,
}

with DAG(
    dag_id="ml_inference_pipeline",
    description="End-to-end ML batch inference: Model Registry → SageMaker Transform → RDS",
    schedule_interval="0 23 * * *",   # daily at 23:00 Toronto time
    start_date=datetime(2024, 1, 1, tzinfo=pendulum.timezone("America/Toronto")),
    catchup=False,
    max_active_runs=1,
    default_args=_DEFAULT_ARGS,
    tags=["ml", "batch-inference", "sagemaker", "model-registry"],
    doc_md=__doc__,
) as dag:

    validate_input = PythonOperator(
        task_id="validate_input",
        python_callable=_validate_input,
        retries=0,
    )

    preprocessing_data = PythonOperator(
        task_id="preprocessing_data",
        python_callable=_preprocessing_data,
        retries=2,
    )

    load_model_from_registry = PythonOperator(
        task_id="load_model_from_registry",
        python_callable=_load_model_from_registry,
        retries=3,
        retry_delay=timedelta(seconds=30),
    )

    build_transform_config = PythonOperator(
        task_id="build_transform_config",
        python_callable=_build_transform_config,
        retries=0,
    )

    run_batch_transform = SageMakerTransformOperator(
        task_id="run_batch_transform",
        config=_TRANSFORM_OP_CONFIG,
        aws_conn_id="aws_default",
        wait_for_completion=True,
        check_interval=30,
        max_ingestion_time=6 * 3600,
        check_if_job_exists=True,
        action_if_job_exists="timestamp",
        retries=1,
        retry_delay=timedelta(minutes=10),
    )

    wait_for_inference_output = S3KeySensor(
        task_id="wait_for_inference_output",
        bucket_name="{{ ti.xcom_pull(task_ids='build_transform_config', key='output_bucket') }}",
        bucket_key=(
            "{{ ti.xcom_pull(task_ids='build_transform_config', key='output_prefix') }}"
            "*.csv.out"
        ),
        wildcard_match=True,
        aws_conn_id="aws_default",
        timeout=30 * 60,
        poke_interval=30,
        mode="reschedule",
        soft_fail=False,
    )

    postprocess_output = PythonOperator(
        task_id="postprocess_output",
        python_callable=_postprocess_output,
        retries=3,
        retry_delay=timedelta(seconds=30),
    )

    validate_output = PythonOperator(
        task_id="validate_output",
        python_callable=_validate_output,
        retries=0,
    )

    load_to_rds = PythonOperator(
        task_id="load_to_rds",
        python_callable=_load_to_rds,
        retries=3,
        retry_delay=timedelta(minutes=1),
        retry_exponential_backoff=True,
    )

    log_status = PythonOperator(
        task_id="log_status",
        python_callable=_log_status,
        trigger_rule=TriggerRule.ALL_DONE,
        retries=0,
    )

    (
        validate_input
        >> preprocessing_data
        >> load_model_from_registry
        >> build_transform_config
        >> run_batch_transform
        >> wait_for_inference_output
        >> postprocess_output
        >> validate_output
        >> load_to_rds
        >> log_status
    )
