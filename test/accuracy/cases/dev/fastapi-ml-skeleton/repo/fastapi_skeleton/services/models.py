import joblib
import numpy as np
from loguru import logger

from fastapi_skeleton.models.payload import HousePredictionPayload, payload_to_list
from fastapi_skeleton.models.prediction import HousePredictionResult


class HousePriceModel:
    RESULT_UNIT_FACTOR = 100

    def __init__(self, path: str) -> None:
        self.path = path
        self._load_local_model()

    def _load_local_model(self) -> None:
        self.model = joblib.load(self.path)

    def _pre_process(self, payload: HousePredictionPayload) -> np.ndarray:
        logger.debug("Pre-processing payload.")
        return np.asarray(payload_to_list(payload)).reshape(1, -1)

    def _post_process(self, prediction: np.ndarray) -> HousePredictionResult:
        logger.debug("Post-processing prediction.")
        result = prediction.tolist()
        return HousePredictionResult(median_house_value=int(result[0] * self.RESULT_UNIT_FACTOR))

    def _predict(self, features: np.ndarray) -> np.ndarray:
        logger.debug("Predicting.")
        return self.model.predict(features)

    def predict(self, payload: HousePredictionPayload) -> HousePredictionResult:
        pre_processed_payload = self._pre_process(payload)
        prediction = self._predict(pre_processed_payload)
        logger.info(prediction)
        return self._post_process(prediction)
