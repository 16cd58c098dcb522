"""The two-stage model: Stage 1 risk score, Stage 2 adulterant name."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import joblib
import pandas as pd
from sklearn.isotonic import IsotonicRegression
from xgboost import XGBClassifier


@dataclass
class Cascade:
    stage1: XGBClassifier
    calibrator: IsotonicRegression
    threshold: float
    reject_risk: float
    metadata: dict[str, Any] = field(default_factory=dict)

    def predict(self, df: pd.DataFrame) -> pd.DataFrame:
        raw = self.stage1.predict_proba(df)[:, 1]
        risk = self.calibrator.predict(raw)
        return pd.DataFrame({"is_adulterated": raw >= self.threshold, "risk_score": risk}, index=df.index)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(self, path)

    @staticmethod
    def load(path: Path) -> Cascade:
        model = joblib.load(path)
        if not isinstance(model, Cascade):
            raise TypeError(f"{path} does not hold a Cascade")
        return model
