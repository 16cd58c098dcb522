"""S3 helpers for reading batch transform output and staging results."""

from __future__ import annotations

import io
import logging

import boto3
import pandas as pd
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)

_OUTPUT_SUFFIX = ".csv.out"
_INPUT_SUFFIX  = ".csv"


def list_output_files(bucket: str, prefix: str) -> list[str]:
    s3 = boto3.client("s3")
    paginator = s3.get_paginator("list_objects_v2")
    keys: list[str] = []
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            if obj["Key"].endswith(_OUTPUT_SUFFIX):
                keys.append(obj["Key"])
    return sorted(keys)


def validate_input_data(bucket: str, prefix: str) -> dict:
    """Confirm that at least one non-empty CSV exists at prefix."""
    s3 = boto3.client("s3")
    paginator = s3.get_paginator("list_objects_v2")
    found: list[str] = []

    try:
        for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
            for obj in page.get("Contents", []):
                if not obj["Key"].endswith(_INPUT_SUFFIX):
                    continue
                if obj["Size"] == 0:
                    raise RuntimeError(
                        f"Input file s3://{bucket}/{obj['Key']} has 0 bytes. "
                        "Upload valid CSV data before triggering the DAG."
                    )
                found.append(obj["Key"])
    except ClientError as exc:
        logger.error("S3 list failed during input validation: %s", exc)
        raise

    if not found:
        raise RuntimeError(f"No CSV files found at s3://{bucket}/{prefix}.")

    logger.info("Input validated — %d file(s) at s3://%s/%s", len(found), bucket, prefix)
    return {"file_count": len(found)}


def collect_inference_results(bucket: str, output_prefix: str) -> pd.DataFrame:
    """Read every .csv.out file under output_prefix and combine into one DataFrame."""
    keys = list_output_files(bucket, output_prefix)
    if not keys:
        raise RuntimeError(f"No .csv.out files found at s3://{bucket}/{output_prefix}.")

    s3 = boto3.client("s3")
    records: list[dict] = []
    global_idx = 0

    for key in keys:
        resp = s3.get_object(Bucket=bucket, Key=key)
        content = resp["Body"].read().decode("utf-8")
        for line in (ln.strip() for ln in content.splitlines() if ln.strip()):
            records.append({
                "source_file": key,
                "row_index":   global_idx,
                "raw_output":  line,
                "prediction":  _parse_first_field(line),
            })
            global_idx += 1

    df = pd.DataFrame(records)
    logger.info("Collected %d record(s) from %d file(s)", len(df), len(keys))
    return df


def _parse_first_field(raw: str) -> float | None:
    first = raw.split(",")[0].strip()
    try:
        return float(first)
    except ValueError:
        return None


def write_dataframe_to_s3(df: pd.DataFrame, bucket: str, key: str) -> str:
    s3 = boto3.client("s3")
    body = df.to_csv(index=False).encode("utf-8")
    try:
        s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType="text/csv")
    except ClientError as exc:
        logger.error("Failed to write s3://%s/%s: %s", bucket, key, exc)
        raise
    return f"s3://{bucket}/{key}"


def read_dataframe_from_s3(s3_uri: str) -> pd.DataFrame:
    without_scheme = s3_uri[len("s3://"):]
    bucket, _, key = without_scheme.partition("/")
    s3 = boto3.client("s3")
    resp = s3.get_object(Bucket=bucket, Key=key)
    return pd.read_csv(io.StringIO(resp["Body"].read().decode("utf-8")))
