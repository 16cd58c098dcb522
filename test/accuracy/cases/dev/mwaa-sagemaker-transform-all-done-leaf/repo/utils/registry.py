"""SageMaker Model Registry helpers."""

from __future__ import annotations

import logging

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)


def get_latest_approved_model(
    model_package_group_name: str,
    region: str,
    default_instance_type: str = "ml.m5.xlarge",
) -> dict:
    """Return metadata for the latest APPROVED model package in the group."""
    client = boto3.client("sagemaker", region_name=region)

    packages = _list_approved_packages(client, model_package_group_name)

    if not packages:
        raise RuntimeError(
            f"No APPROVED model packages found in group '{model_package_group_name}'. "
            "Approve at least one package in the SageMaker Model Registry before running."
        )

    latest = packages[0]
    package_arn: str = latest["ModelPackageArn"]
    model_version: str = str(latest.get("ModelPackageVersion", 1))

    description = client.describe_model_package(ModelPackageName=package_arn)
    props = description.get("CustomerMetadataProperties") or {}
    model_name = props.get("sagemaker_model_name") or description.get("ModelPackageGroupName") or model_package_group_name
    spec = description.get("InferenceSpecification") or {}
    types = spec.get("SupportedTransformInstanceTypes") or []
    instance_type = next((t for t in types if t.startswith("ml.m5")), types[0] if types else default_instance_type)

    result = {
        "model_name": model_name,
        "model_package_arn": package_arn,
        "model_version": model_version,
        "instance_type": instance_type,
        "creation_time": latest["CreationTime"].isoformat(),
    }
    logger.info("Resolved model metadata: %s", result)
    return result


def _list_approved_packages(client, group_name: str) -> list[dict]:
    paginator = client.get_paginator("list_model_packages")
    try:
        page_iter = paginator.paginate(
            ModelPackageGroupName=group_name,
            ModelApprovalStatus="Approved",
            ModelPackageType="Versioned",
            SortBy="CreationTime",
            SortOrder="Descending",
        )
        result: list[dict] = []
        for page in page_iter:
            result.extend(page.get("ModelPackageSummaryList", []))
        return result
    except ClientError as exc:
        logger.error("SageMaker list_model_packages failed for group '%s': %s", group_name, exc)
        raise
