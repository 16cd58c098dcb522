"""Model training stage: Decision Tree on the processed Iris splits."""

from __future__ import annotations

import os

import joblib
from sklearn.metrics import accuracy_score, f1_score
from sklearn.tree import DecisionTreeClassifier

from src.custom_exception import CustomException
from src.logger import get_logger

logger = get_logger(__name__)


class ModelTraining:
    def __init__(self) -> None:
        self.processed_data_path = "artifacts/processed"
        self.model_path = "artifacts/models"
        os.makedirs(self.model_path, exist_ok=True)
        self.model = DecisionTreeClassifier(criterion="gini", max_depth=30, random_state=42)

    def load_data(self):
        try:
            X_train = joblib.load(os.path.join(self.processed_data_path, "X_train.pkl"))
            X_test = joblib.load(os.path.join(self.processed_data_path, "X_test.pkl"))
            y_train = joblib.load(os.path.join(self.processed_data_path, "y_train.pkl"))
            y_test = joblib.load(os.path.join(self.processed_data_path, "y_test.pkl"))
            return X_train, X_test, y_train, y_test
        except Exception as e:
            logger.error("Error while loading processed data: %s", e)
            raise CustomException("Failed to load processed data", e)

    def train_model(self, X_train, y_train) -> None:
        try:
            self.model.fit(X_train, y_train)
            joblib.dump(self.model, os.path.join(self.model_path, "model.pkl"))
            logger.info("Model trained and saved successfully.")
        except Exception as e:
            logger.error("Error during model training: %s", e)
            raise CustomException("Failed to train model", e)

    def evaluate_model(self, X_test, y_test) -> None:
        y_pred = self.model.predict(X_test)
        accuracy = accuracy_score(y_test, y_pred)
        f1 = f1_score(y_test, y_pred, average="weighted")
        logger.info(f"Accuracy Score  : {accuracy:.4f}")
        logger.info(f"F1 Score        : {f1:.4f}")

    def run(self) -> None:
        X_train, X_test, y_train, y_test = self.load_data()
        self.train_model(X_train, y_train)
        self.evaluate_model(X_test, y_test)


if __name__ == "__main__":
    ModelTraining().run()
