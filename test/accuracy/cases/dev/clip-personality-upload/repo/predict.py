import random

import torch
from PIL import Image

from model import model, processor

LABELS = ["Confidence", "Dominance", "Style", "Clarity", "Attitude"]


def humanize_score(x: torch.Tensor, min_out=70, max_out=99, gamma=0.55):
    x = torch.clamp(x, 0.0, 1.0) ** gamma
    return min_out + x * (max_out - min_out)


def predict_image(image: Image.Image):
    if image is None:
        raise ValueError("Invalid image")

    inputs = processor(text=LABELS, images=image, return_tensors="pt", padding=True)

    with torch.no_grad():
        outputs = model(**inputs)

    probs = outputs.logits_per_image.softmax(dim=1)[0]
    normalized = probs / probs.max()

    scores = {}
    for i, label in enumerate(LABELS):
        base = humanize_score(normalized[i])
        jitter = random.uniform(-2.0, 2.0)
        scores[label] = round(float(torch.clamp(base + jitter, 70.0, 99.0)), 1)

    return {"scores": scores}
