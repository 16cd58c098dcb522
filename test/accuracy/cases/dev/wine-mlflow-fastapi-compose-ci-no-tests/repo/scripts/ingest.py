"""Fetch, validate and split the data; write to the configured paths."""
from pathlib import Path
import sys

import pandas as pd
from sklearn.datasets import load_wine
from sklearn.model_selection import train_test_split

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from src.config import load_config


def main():
    cfg = load_config()
    paths = cfg["paths"]
    raw_dir = Path(paths["data_raw"])
    processed_dir = Path(paths["data_processed"])
    raw_dir.mkdir(parents=True, exist_ok=True)
    processed_dir.mkdir(parents=True, exist_ok=True)

    dataset_name = cfg.get("ingestion", {}).get("dataset_name", "wine_quality")
    if dataset_name == "wine_quality":
        data = load_wine()
    else:
        from sklearn.datasets import load_iris
        data = load_iris()
    df = pd.DataFrame(data.data, columns=data.feature_names)
    df["target"] = data.target

    assert not df.isnull().any().any(), "Nulls found in dataset"
    assert "target" in df.columns, "Missing target column"

    df.to_csv(raw_dir / "raw.csv", index=False)

    train_ratio = cfg.get("ingestion", {}).get("train_ratio", 0.8)
    random_state = cfg.get("ingestion", {}).get("random_state", 42)
    train_df, test_df = train_test_split(df, train_size=train_ratio, random_state=random_state)
    train_df.to_csv(processed_dir / "train.csv", index=False)
    test_df.to_csv(processed_dir / "test.csv", index=False)
    print(f"Wrote train ({len(train_df)} rows) and test ({len(test_df)} rows)")


if __name__ == "__main__":
    main()
