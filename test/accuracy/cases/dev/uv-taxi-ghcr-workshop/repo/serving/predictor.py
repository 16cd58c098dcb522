import logging
import os

import mlflow

logger = logging.getLogger(__name__)


class TaxiDemandPredictor:
    def __init__(self):
        self.model_name = os.getenv("MLFLOW_REGISTERED_MODEL_NAME", "taxi-demand-forecasting-model")
        self.alias = os.getenv("MODEL_ALIAS", "champion")
        self._model = None

    def _load(self):
        if self._model is None:
            self._model = mlflow.pyfunc.load_model(f"models:/{self.model_name}@{self.alias}")
            logger.info("loaded %s@%s", self.model_name, self.alias)
        return self._model

    def predict(self, zone_id, target_datetime):
        model = self._load()
        value = float(model.predict([[zone_id, target_datetime.hour, target_datetime.weekday()]])[0])
        return {"zone_id": zone_id, "target_datetime": target_datetime, "predicted_demand": value, "model_version": self.alias}
