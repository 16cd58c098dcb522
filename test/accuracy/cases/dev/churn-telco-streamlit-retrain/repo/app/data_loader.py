"""Loads the Telco churn data; generates look-alike data when the CSV is missing."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from app.config import DATA_PATH, RANDOM_STATE, SYNTHETIC_N_ROWS


def generate_synthetic_data(n_rows: int = SYNTHETIC_N_ROWS, seed: int = RANDOM_STATE) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    tenure = np.clip(rng.gamma(shape=2.2, scale=14.0, size=n_rows), 0, 72).round().astype(int)
    contract = rng.choice(["Month-to-month", "One year", "Two year"], size=n_rows, p=[0.55, 0.25, 0.20])
    monthly = np.clip(rng.normal(65.0, 20.0, size=n_rows), 18.25, 118.95).round(1)
    logit = -3.5 + (contract == "Month-to-month") * 1.8 - 0.04 * tenure
    churn = np.where(rng.random(n_rows) < 1.0 / (1.0 + np.exp(-logit)), "Yes", "No")
    return pd.DataFrame({"tenure": tenure, "Contract": contract, "MonthlyCharges": monthly, "Churn": churn})


def load_data(path: str | Path = DATA_PATH) -> pd.DataFrame:
    """Read the local CSV, or generate synthetic data and cache it under data/."""
    path = Path(path)
    if path.exists():
        df = pd.read_csv(path)
    else:
        df = generate_synthetic_data()
        path.parent.mkdir(parents=True, exist_ok=True)
        df.to_csv(path, index=False, encoding="utf-8")
    return df
