"""SageMaker inference handler for the fraud-detector model.

model_fn loads the model once at boot; input_fn deserialises the request;
predict_fn runs inference; output_fn serialises the prediction.
"""
import json
import os
import pickle
from typing import Any

import pandas as pd

CONTENT_TYPE_JSON = "application/json"

FEATURE_COLUMNS = [
    "age",
    "workclass",
    "education",
    "marital_status",
    "occupation",
    "race",
    "sex",
    "hours_per_week",
]


def model_fn(model_dir: str) -> Any:
    """Load the pickled sklearn Pipeline. Called once at container start."""
    with open(os.path.join(model_dir, "model.pkl"), "rb") as f:
        return pickle.load(f)


def input_fn(request_body: str, request_content_type: str) -> pd.DataFrame:
    if request_content_type != CONTENT_TYPE_JSON:
        raise ValueError(f"Unsupported content type: {request_content_type}")

    payload = json.loads(request_body)
    if isinstance(payload, dict):
        payload = [payload]
    return pd.DataFrame(payload, columns=FEATURE_COLUMNS)


def predict_fn(input_data: pd.DataFrame, model: Any) -> list:
    probabilities = model.predict_proba(input_data)[:, 1]
    predictions = probabilities >= 0.5
    return [
        {"income_over_50k": bool(p), "probability": float(prob)}
        for p, prob in zip(predictions, probabilities)
    ]


def output_fn(prediction: list, response_content_type: str) -> str:
    if response_content_type != CONTENT_TYPE_JSON:
        raise ValueError(f"Unsupported response content type: {response_content_type}")
    if len(prediction) == 1:
        return json.dumps(prediction[0])
    return json.dumps(prediction)
