import os

import pandas as pd
import torch
from loguru import logger

import mlops_ods.utils.utils_etl as ut_etl
from fast_api.schemas.requests import FeatureRequest

torch.set_num_threads(1)


class TreeHealthClassifier:
    """Classifies the health of a tree into three classes."""

    path_to_model = os.path.join(os.path.abspath(os.getcwd()), "src/resources", "model.bin")
    model = ut_etl.load_model(path_to_model)

    @classmethod
    def predict(cls, features: FeatureRequest):
        df = pd.DataFrame([features])
        prediction = cls.model.predict_proba(df)[0]
        health_classes = {0: "Poor", 1: "Fair", 2: "Good"}
        result = {name: round(score, 4) for name, score in zip(health_classes.values(), prediction)}
        logger.info(result)
        return result
