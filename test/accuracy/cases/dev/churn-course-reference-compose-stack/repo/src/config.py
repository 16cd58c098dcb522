from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def resolve(path: str) -> Path:
    return ROOT / path


def load_params() -> dict:
    with open(ROOT / "params.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def feature_columns(params: dict) -> list:
    feats = params["features"]
    return feats["numeric"] + feats["categorical"] + feats["binary"]
