"""PostgreSQL (RDS) loader for batch inference results (idempotent per job_name and row)."""

from __future__ import annotations

import json
import logging
from contextlib import contextmanager

import boto3
import pandas as pd
import psycopg2
import psycopg2.extras

logger = logging.getLogger(__name__)

_CREATE_TABLE_SQL = """
CREATE TABLE IF NOT EXISTS {table} (
    id              BIGSERIAL        PRIMARY KEY,
    job_name        VARCHAR(63)      NOT NULL,
    model_name      VARCHAR(255)     NOT NULL,
    model_version   VARCHAR(63),
    execution_date  DATE             NOT NULL,
    row_index       INTEGER          NOT NULL,
    source_file     TEXT,
    raw_output      TEXT,
    prediction      DOUBLE PRECISION,
    loaded_at       TIMESTAMPTZ      NOT NULL DEFAULT NOW(),
    CONSTRAINT uq_{safe_table}_job_row UNIQUE (job_name, row_index)
);
"""

_UPSERT_SQL = """
INSERT INTO {table}
    (job_name, model_name, model_version, execution_date,
     row_index, source_file, raw_output, prediction)
VALUES %s
ON CONFLICT (job_name, row_index) DO NOTHING
RETURNING 1
"""


def fetch_db_secret(secret_arn: str, region: str) -> dict:
    """Retrieve RDS connection credentials from AWS Secrets Manager."""
    sm = boto3.client("secretsmanager", region_name=region)
    resp = sm.get_secret_value(SecretId=secret_arn)
    secret = json.loads(resp["SecretString"])
    return {
        "host":     secret["host"],
        "port":     int(secret.get("port", 5432)),
        "dbname":   secret["dbname"],
        "user":     secret["username"],
        "password": secret["password"],
    }


def load_to_rds(
    df: pd.DataFrame,
    table: str,
    secret_arn: str,
    region: str,
    job_name: str,
    model_name: str,
    model_version: str,
    execution_date: str,
) -> int:
    conn_params = fetch_db_secret(secret_arn, region)
    rows = [
        (job_name, model_name, model_version, execution_date, int(row.row_index),
         str(row.source_file), str(row.raw_output),
         float(row.prediction) if pd.notna(row.prediction) else None)
        for row in df.itertuples(index=False)
    ]

    with _connection(conn_params) as conn:
        with conn.cursor() as cur:
            safe = table.replace(".", "_").replace("-", "_")
            cur.execute(_CREATE_TABLE_SQL.format(table=table, safe_table=safe))
            result = psycopg2.extras.execute_values(
                cur, _UPSERT_SQL.format(table=table), rows, page_size=500, fetch=True,
            )
        conn.commit()

    logger.info("RDS load complete — table: %s  job: %s  inserted: %d / %d", table, job_name, len(result), len(rows))
    return len(result)


@contextmanager
def _connection(params: dict):
    """Open a psycopg2 connection, roll back on error, always close."""
    conn = psycopg2.connect(**params)
    try:
        yield conn
    except Exception:
        conn.rollback()
        raise
    finally:
        conn.close()
