import os
import sys

import bentoml
import dill
import numpy as np

from network.constant import training_pipeline
from network.exception import NetworkException
from network.logger import logging


def load_numpy_array_data(file_path: str):
    try:
        with open(file_path, "rb") as file_obj:
            return np.load(file_obj, allow_pickle=True)
    except Exception as e:
        raise NetworkException(e, sys)


def load_object(file_path: str) -> object:
    try:
        with open(file_path, "rb") as file_obj:
            obj = dill.load(file_obj)
        logging.info(f"Loaded object from {file_path}")
        return obj
    except Exception as e:
        raise NetworkException(e, sys)


def build_and_push_bento_image(model_uri: str) -> None:
    try:
        logging.info(f"Importing the {model_uri} model")

        bentoml.mlflow.import_model(
            name=training_pipeline.MODEL_PUSHER_BENTOML_MODEL_NAME, model_uri=model_uri
        )

        os.system(
            f"bash scripts/bento.sh {training_pipeline.MODEL_PUSHER_BENTOML_MODEL_NAME}"
        )

        os.system(
            "aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 111111111111.dkr.ecr.us-east-1.amazonaws.com"
        )

        os.system(f"docker build --tag=111111111111.dkr.ecr.us-east-1.amazonaws.com/{training_pipeline.MODEL_PUSHER_BENTOML_MODEL_IMAGE}:latest")

        os.system(
            f"bentoml containerize {training_pipeline.MODEL_PUSHER_BENTOML_SERVICE_NAME}:latest -t 111111111111.dkr.ecr.us-east-1.amazonaws.com/{training_pipeline.MODEL_PUSHER_BENTOML_MODEL_IMAGE}:latest"
        )

        os.system(
            f"docker push 111111111111.dkr.ecr.us-east-1.amazonaws.com/{training_pipeline.MODEL_PUSHER_BENTOML_MODEL_IMAGE}:latest"
        )

        logging.info("Pushed the bento docker image")

    except Exception as e:
        raise NetworkException(e, sys)
