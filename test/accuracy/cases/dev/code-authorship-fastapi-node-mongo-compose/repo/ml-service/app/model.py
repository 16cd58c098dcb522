from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

import joblib
import numpy as np

from .features import compute_features, extract_text, feature_vector
from .schemas import PredictRequest, PredictResponse

logger = logging.getLogger('ape.ml.model')
MODEL_DIR = Path(os.getenv('MODEL_DIR', Path(__file__).resolve().parent.parent / 'artifacts'))
METADATA_PATH = MODEL_DIR / 'model_metadata.json'
MODEL_PATH = MODEL_DIR / 'model.joblib'

_cached_bundle: dict[str, Any] | None = None


def ensure_model_ready() -> None:
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    if METADATA_PATH.exists() and MODEL_PATH.exists():
        return
    logger.warning('Model artifacts not found. Bootstrapping default trained model.')
    from train import train_and_save

    train_and_save(
        dataset_path=Path(__file__).resolve().parent.parent / 'data' / 'dataset.csv',
        output_dir=MODEL_DIR,
        model_name='logreg',
        max_samples=400,
    )


def load_bundle() -> dict[str, Any]:
    global _cached_bundle
    ensure_model_ready()
    if _cached_bundle is None:
        bundle = joblib.load(MODEL_PATH)
        _cached_bundle = bundle
    return _cached_bundle


def load_version() -> str:
    ensure_model_ready()
    metadata = json.loads(METADATA_PATH.read_text(encoding='utf-8'))
    return metadata['model_version']


def compute_drift_indicator(features_vector: list[float], means: list[float], stds: list[float]) -> float:
    z_scores = []
    for value, mean, std in zip(features_vector, means, stds, strict=False):
        safe_std = std if std > 1e-6 else 1.0
        z_scores.append(abs((value - mean) / safe_std))
    return float(np.mean(z_scores)) if z_scores else 0.0


def evaluate_submission(payload: PredictRequest) -> PredictResponse:
    text = extract_text(payload.fileName, payload.fileType, payload.textContent, payload.base64Content)
    features = compute_features(text)
    bundle = load_bundle()
    model = bundle['model']
    vector = feature_vector(features)
    probabilities = model.predict_proba([vector])[0]
    ai_probability = float(probabilities[1] if len(probabilities) > 1 else probabilities[0])
    model_version = load_version()
    drift_indicator = compute_drift_indicator(vector, bundle['training_means'], bundle['training_stds'])
    prediction = 'AI' if ai_probability >= 0.5 else 'Human'

    logger.info(
        'prediction_complete model_version=%s ai_probability=%.4f prediction=%s drift_indicator=%.4f',
        model_version,
        ai_probability,
        prediction,
        drift_indicator,
    )

    return PredictResponse(
        ai_probability=round(ai_probability, 4),
        effort_score=round(100.0 - ai_probability * 55.0, 2),
        prediction=prediction,
        explanation='Likely AI-generated' if ai_probability >= 0.8 else 'Mixed signals',
        model_version=model_version,
    )
