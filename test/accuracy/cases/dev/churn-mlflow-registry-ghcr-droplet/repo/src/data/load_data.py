"""Load the raw dataset and produce a reproducible, stratified train/test split."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sklearn.model_selection import train_test_split

from src.config import FEATURE_COLUMNS, RANDOM_STATE, RAW_DATA_FILE, TARGET, TEST_SIZE
from src.utils.logger import get_logger

logger = get_logger(__name__)


@dataclass
class DataSplit:
    X_train: pd.DataFrame
    X_test: pd.DataFrame
    y_train: pd.Series
    y_test: pd.Series


def load_raw() -> pd.DataFrame:
    if not RAW_DATA_FILE.exists():
        raise FileNotFoundError(f"Raw data not found at {RAW_DATA_FILE}.")
    df = pd.read_csv(RAW_DATA_FILE)
    logger.info("Loaded %d rows from %s", len(df), RAW_DATA_FILE)
    return df


def get_split() -> DataSplit:
    df = load_raw()
    X = df[FEATURE_COLUMNS]
    y = df[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=TEST_SIZE, random_state=RANDOM_STATE, stratify=y
    )
    return DataSplit(X_train, X_test, y_train, y_test)
