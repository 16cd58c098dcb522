import os
import joblib
import pandas as pd
from chaos.infrastructure import generate, marketing, socio_eco
from chaos.settings.base import MODELS_DIR


class Customer:
    MODEL_PATH = os.path.join(MODELS_DIR, "ML-lightgbm.pkl")

    def __init__(self, marketing: dict):
        self.marketing = pd.DataFrame.from_dict(marketing, orient='index').T

    def get_model(self):
        if not os.path.exists(self.MODEL_PATH):
            training_pipeline_instance = TrainingPipeline(
                dataset=generate.GenerateDataSet(
                    marketing=marketing.Marketing.read(),
                    socio=socio_eco.SocioEco.read()
                    ).create_data())
            training_pipeline_instance.train_model()

        model = joblib.load(self.MODEL_PATH)
        return model

    def predict_subscription(self) -> float:
        """Returns appetence score [0,1] of the customer predicted by the model."""
        model = self.get_model()
        client_data = generate.GenerateDataSet(
            marketing=self.marketing,
            socio=socio_eco.SocioEco.read()
            ).create_data().head(1)

        return model.predict_proba(client_data)[0][1]
