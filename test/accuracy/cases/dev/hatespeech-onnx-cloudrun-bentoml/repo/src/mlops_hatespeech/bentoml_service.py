"""BentoML variant of the ONNX hate-speech classifier (the deployed app uses the FastAPI one)."""

import bentoml
import numpy as np
from onnxruntime import InferenceSession
from transformers import AutoTokenizer


@bentoml.service
class TextClassificationService:
    def __init__(self):
        self.model = InferenceSession("logs/run1/bert_tiny.onnx")
        self.tokenizer = AutoTokenizer.from_pretrained("prajjwal1/bert-tiny")

    @bentoml.api
    def predict(self, text: str):
        inputs = self.tokenizer(text, return_tensors="np", padding=True, truncation=True)
        allowed_inputs = {i.name for i in self.model.get_inputs()}
        ort_inputs = {k: v.astype(np.int64) for k, v in inputs.items() if k in allowed_inputs}
        outputs = self.model.run(None, ort_inputs)
        prediction = int(np.argmax(outputs[0], axis=-1)[0])
        predicted_label = {0: "non-hate", 1: "hate"}.get(prediction, "unknown")
        return {"input_text": text, "predicted_class": predicted_label}
