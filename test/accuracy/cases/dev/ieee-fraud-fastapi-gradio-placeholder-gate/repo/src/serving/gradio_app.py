"""Gradio prediction console for the fraud detection model."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

import gradio as gr  # noqa: E402

from src.serving.model_service import PredictionService  # noqa: E402


def _parse_payload(payload: str) -> dict:
    try:
        parsed = json.loads(payload)
    except json.JSONDecodeError as exc:
        raise gr.Error(f"Invalid JSON: {exc.msg}") from exc
    if isinstance(parsed, dict) and isinstance(parsed.get("features"), dict):
        parsed = parsed["features"]
    if not isinstance(parsed, dict) or not parsed:
        raise gr.Error("Prediction input must be a non-empty JSON object.")
    return parsed


def create_interface() -> gr.Blocks:
    service = PredictionService()

    def predict(payload: str, confidence_level: float):
        result = service.predict(_parse_payload(payload), confidence_level=float(confidence_level))
        return result["label"], f"{result['fraud_probability'] * 100:.2f}%", result

    with gr.Blocks(title="Fraud Prediction Console") as demo:
        payload = gr.Textbox(lines=24, label="Prediction sample")
        confidence_level = gr.Slider(minimum=0.5, maximum=0.999, value=0.95, label="Confidence level")
        button = gr.Button("Predict", variant="primary")
        label = gr.Textbox(label="Prediction")
        probability = gr.Textbox(label="Fraud probability")
        details = gr.JSON(label="Response details")
        button.click(predict, inputs=[payload, confidence_level], outputs=[label, probability, details])
    return demo


if __name__ == "__main__":
    create_interface().launch(
        server_name=os.getenv("GRADIO_SERVER_NAME", "127.0.0.1"),
        server_port=int(os.getenv("GRADIO_SERVER_PORT", "7860")),
    )
