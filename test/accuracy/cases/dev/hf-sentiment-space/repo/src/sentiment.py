"""
predict_sentiment runs in two modes:
- fake model mode (CI/CD and fast tests)
- real model mode (a Hugging Face pretrained model)
"""
import os

USE_FAKE_MODEL = os.getenv("USE_FAKE_MODEL", "false").lower() == "true"

if USE_FAKE_MODEL:
    LABELS = ["negative", "neutral", "positive"]

    # always returns a fixed positive prediction (intentional)
    def predict_sentiment(text: str) -> dict:
        return {"text": text, "sentiment": "positive", "probabilities": {"negative": 0.05, "neutral": 0.05, "positive": 0.90}}

else:
    import numpy as np
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    # default: a Hub model id; can be overridden with a local folder
    MODEL_PATH = os.getenv("MODEL_PATH", "cardiffnlp/twitter-roberta-base-sentiment-latest")

    tokenizer = AutoTokenizer.from_pretrained(MODEL_PATH)
    model = AutoModelForSequenceClassification.from_pretrained(MODEL_PATH)
    model.eval()

    LABELS = ["negative", "neutral", "positive"]

    def predict_sentiment(text: str) -> dict:
        inputs = tokenizer(text, return_tensors="pt", truncation=True)
        with torch.no_grad():
            outputs = model(**inputs)
            scores = outputs.logits[0].cpu().numpy()
            probs = np.exp(scores) / np.exp(scores).sum()
        label = LABELS[np.argmax(probs)]
        return {"text": text, "sentiment": label, "probabilities": {LABELS[i]: round(float(probs[i]), 2) for i in range(len(LABELS))}}
