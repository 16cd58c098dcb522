"""SageMaker Batch Transform job configuration builder."""

from __future__ import annotations

import re

_MAX_JOB_NAME_LEN = 63
_INVALID_CHARS = re.compile(r"[^a-z0-9\-]")
_MULTI_HYPHEN = re.compile(r"-{2,}")


def build_transform_config(
    model_info: dict,
    s3_bucket: str,
    execution_date: str,
    dag_id: str,
    ts_nodash: str,
) -> dict:
    """Return a flat config dict for the current DAG run (pushed to XCom key by key)."""
    job_name = _make_job_name(dag_id, ts_nodash)

    return {
        "model_name":        model_info["model_name"],
        "model_version":     model_info["model_version"],
        "model_package_arn": model_info["model_package_arn"],
        "job_name":          job_name,
        "input_s3":          f"s3://{s3_bucket}/batch/input/{execution_date}/",
        "output_s3":         f"s3://{s3_bucket}/batch/output/{execution_date}/",
        "output_bucket":     s3_bucket,
        "output_prefix":     f"batch/output/{execution_date}/",
        "processed_s3_key":  f"batch/processed/{execution_date}/combined.csv",
        "instance_type":     model_info["instance_type"],
    }


def _make_job_name(dag_id: str, ts_nodash: str) -> str:
    """Produce a SageMaker-compliant job name: {dag_id}-transform-{ts_nodash}."""
    raw = f"{dag_id.replace('_', '-')}-transform-{ts_nodash}".lower()
    sanitized = _INVALID_CHARS.sub("-", raw)
    sanitized = _MULTI_HYPHEN.sub("-", sanitized).strip("-")
    return sanitized[:_MAX_JOB_NAME_LEN]
