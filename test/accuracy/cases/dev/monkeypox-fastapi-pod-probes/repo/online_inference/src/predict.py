import logging
import pickle
import sys

import pandas as pd

logger = logging.getLogger(__name__)
handler = logging.StreamHandler(sys.stdout)
logger.setLevel(logging.INFO)
logger.addHandler(handler)


def load_model(path: str):
    logger.info('model loading')
    with open(path, 'rb') as model:
        return pickle.load(model)


def predict_model(model, features: pd.DataFrame) -> pd.DataFrame:
    predicts = pd.DataFrame(model.predict(features))
    logger.info('predict model')
    return predicts


def run_predict(model_path: str, data: pd.DataFrame) -> pd.DataFrame:
    logger.info('Running model prediction')
    model = load_model(model_path)
    predict = predict_model(model, data)
    logger.info(f'Prediction.shape: {predict.shape}')
    return predict
