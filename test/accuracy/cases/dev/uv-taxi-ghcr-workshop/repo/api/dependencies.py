from functools import lru_cache
from pathlib import Path

from serving.predictor import TaxiDemandPredictor

PERFORMANCE_SUMMARY_PATH = Path("data/monitoring/performance_summary.json")


@lru_cache(maxsize=1)
def get_predictor() -> TaxiDemandPredictor:
    return TaxiDemandPredictor()
