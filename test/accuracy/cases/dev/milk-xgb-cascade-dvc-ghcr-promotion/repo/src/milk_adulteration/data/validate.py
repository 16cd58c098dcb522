"""Split readings into rows the model can score and rows it must reject."""

from __future__ import annotations

import pandas as pd

from milk_adulteration.api.schemas import FEATURE_RANGES


def split_valid_readings(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    ok = pd.Series(True, index=df.index)
    for name, (lo, hi) in FEATURE_RANGES.items():
        ok &= df[name].between(lo, hi)
    rejected = df[~ok].assign(reject_reason="reading out of range")
    return df[ok], rejected
