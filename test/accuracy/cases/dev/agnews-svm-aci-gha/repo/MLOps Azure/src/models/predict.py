"""
Prediction module for inference
"""
import logging

import joblib
import numpy as np

from src.features.preprocessor import TextPreprocessor

logger = logging.getLogger(__name__)


class NewsClassifier:
    def __init__(
        self,
        model_path: str = "models/trained/svm_model.pkl",
        tfidf_path: str = "models/trained/tfidf_vectorizer.pkl",
    ):
        self.model = joblib.load(model_path)
        self.tfidf = joblib.load(tfidf_path)
        self.preprocessor = TextPreprocessor()
        self.label_mapping = {0: "World", 1: "Sports", 2: "Business", 3: "Science/Tech"}

    def predict(self, text: str):
        text_clean = self.preprocessor.preprocess_text(text)
        text_vector = self.tfidf.transform([text_clean])
        prediction = self.model.predict(text_vector)[0]

        if hasattr(self.model, "decision_function"):
            scores = self.model.decision_function(text_vector)[0]
            exp_scores = np.exp(scores - np.max(scores))
            probabilities = exp_scores / exp_scores.sum()
            confidence = float(probabilities[prediction])
        else:
            confidence = 1.0
            probabilities = [0.0] * 4

        return {
            "category": self.label_mapping[prediction],
            "category_id": int(prediction),
            "confidence": round(confidence, 4),
            "all_probabilities": {
                self.label_mapping[i]: round(float(probabilities[i]), 4) for i in range(4)
            },
        }

    def predict_batch(self, texts: list):
        return [self.predict(text) for text in texts]
