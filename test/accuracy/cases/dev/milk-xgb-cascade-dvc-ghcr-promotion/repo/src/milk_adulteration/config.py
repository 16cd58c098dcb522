"""Shared constants and params loading."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PARAMS_PATH = PROJECT_ROOT / "params.yaml"


def load_params(path: Path = PARAMS_PATH) -> dict[str, Any]:
    with open(path) as f:
        return yaml.safe_load(f)


def resolve(path: str | Path) -> Path:
    p = Path(path)
    return p if p.is_absolute() else PROJECT_ROOT / p


def tracking_uri(stage_params: dict[str, Any]) -> str:
    """MLflow tracking URI: `MLFLOW_TRACKING_URI` if set (shared server), else params."""
    return os.environ.get("MLFLOW_TRACKING_URI") or stage_params["mlflow"]["tracking_uri"]
