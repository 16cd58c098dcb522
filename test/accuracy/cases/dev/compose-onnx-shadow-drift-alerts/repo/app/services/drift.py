import threading
from collections import deque

import numpy as np
import pandas as pd

from app.config import REFERENCE_FEATURES_PATH, PSI_WINDOW_SIZE, PSI_MIN_SAMPLES, PSI_N_BINS
from app.metrics import PSI_SCORE
from app.logger import get_logger

logger = get_logger("drift")

bin_edges_per_feature = []
ref_pcts = []

feature_window = deque(maxlen=PSI_WINDOW_SIZE)
_lock = threading.Lock()


def initialize_drift():
    reference_features = np.load(str(REFERENCE_FEATURES_PATH))
    for i in range(reference_features.shape[1]):
        _, edges = pd.qcut(reference_features[:, i], PSI_N_BINS, retbins=True, duplicates="drop")
        edges[0], edges[-1] = -np.inf, np.inf
        bin_edges_per_feature.append(edges)
        ref_counts = np.histogram(reference_features[:, i], bins=edges)[0]
        ref_pcts.append(np.where(ref_counts == 0, 1e-6, ref_counts / len(reference_features)))


def record_features(features: list[float]):
    with _lock:
        feature_window.append(features)


def calculate_psi(current_features: np.ndarray) -> dict:
    psi_scores = {}
    for i, edges in enumerate(bin_edges_per_feature):
        cur_counts = np.histogram(current_features[:, i], bins=edges)[0]
        cur_pct = np.where(cur_counts == 0, 1e-6, cur_counts / len(current_features))
        psi_scores[f"feature_{i}"] = float(np.sum((cur_pct - ref_pcts[i]) * np.log(cur_pct / ref_pcts[i])))
    return psi_scores


def run_drift_check():
    if len(feature_window) < PSI_MIN_SAMPLES:
        return
    with _lock:
        current = np.array(list(feature_window))
    scores = calculate_psi(current)
    for feature_name, score in scores.items():
        PSI_SCORE.labels(feature_name=feature_name).set(score)
        if score > 0.2:
            logger.warning("psi_drift_detected", feature=feature_name, psi_score=round(score, 4))
    return scores
