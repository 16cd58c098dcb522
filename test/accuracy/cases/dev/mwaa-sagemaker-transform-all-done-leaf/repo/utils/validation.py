"""Input and output validation utilities; validators raise ValueError on failure."""

from __future__ import annotations

import logging
import re

import pandas as pd

logger = logging.getLogger(__name__)

REQUIRED_OUTPUT_COLUMNS: frozenset[str] = frozenset(
    {"source_file", "row_index", "raw_output", "prediction"}
)


def validate_dag_conf(conf: dict | None) -> dict:
    """Validate and normalise dag_run.conf (all keys optional, each format-checked)."""
    if not conf:
        return {}

    validated: dict = {}
    errors: list[str] = []

    exec_date = conf.get("execution_date_override")
    if exec_date is not None:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(exec_date)):
            errors.append(f"execution_date_override must be YYYY-MM-DD, got: {exec_date!r}")
        else:
            validated["execution_date_override"] = str(exec_date)

    instance_override = conf.get("instance_type_override")
    if instance_override is not None:
        if not re.fullmatch(r"ml\.[a-z0-9]+\.[a-z0-9]+", str(instance_override)):
            errors.append(f"instance_type_override must match 'ml.<family>.<size>', got: {instance_override!r}")
        else:
            validated["instance_type_override"] = str(instance_override)

    if errors:
        msg = "dag_run.conf validation failed:\n" + "\n".join(errors)
        logger.error(msg)
        raise ValueError(msg)

    return validated


def validate_output_dataframe(
    df: pd.DataFrame,
    min_rows: int = 1,
    required_columns: frozenset | None = None,
    max_null_prediction_ratio: float = 0.05,
) -> None:
    """Validate the combined inference output: row count, columns, null predictions."""
    if required_columns is None:
        required_columns = REQUIRED_OUTPUT_COLUMNS

    errors: list[str] = []

    if len(df) < min_rows:
        errors.append(f"Row count {len(df)} is below minimum {min_rows}.")

    missing = required_columns - set(df.columns)
    if missing:
        errors.append(f"Missing required columns: {sorted(missing)}.")

    if "prediction" in df.columns:
        null_ratio = int(df["prediction"].isna().sum()) / max(len(df), 1)
        if null_ratio > max_null_prediction_ratio:
            errors.append(f"Null prediction ratio {null_ratio:.1%} exceeds {max_null_prediction_ratio:.1%}.")

    if errors:
        msg = "Output validation failed:\n" + "\n".join(errors)
        logger.error(msg)
        raise ValueError(msg)
