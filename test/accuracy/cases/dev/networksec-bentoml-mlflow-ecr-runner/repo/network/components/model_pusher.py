import sys

from network.configuration.mlflow_connection import MLFlowClient
from network.exception import NetworkException
from network.logger import logging
from network.utils.main_utils import build_and_push_bento_image


class ModelPusher:
    def __init__(self, model_evaluation_artifact, model_pusher_config):
        self.model_evaluation_artifact = model_evaluation_artifact
        self.model_pusher_config = model_pusher_config
        self.mlflow_client = MLFlowClient().client

    def initiate_model_pusher(self):
        logging.info("Entered initiate_model_pusher method of ModelPusher class")

        try:
            accepted = self.model_evaluation_artifact.accepted_model_info
            prod = self.model_evaluation_artifact.prod_model_info

            if accepted is None:
                raise Exception("No trained model is accepted")

            self.mlflow_client.transition_model_version_stage(
                name=accepted.model_name,
                version=accepted.model_version,
                stage=self.model_pusher_config.production_model_stage,
                archive_existing_versions=self.model_pusher_config.archive_existing_versions,
            )

            if prod is not None:
                self.mlflow_client.transition_model_version_stage(
                    name=prod.model_name,
                    version=prod.model_version,
                    stage=self.model_pusher_config.staging_model_stage,
                    archive_existing_versions=self.model_pusher_config.archive_existing_versions,
                )

            build_and_push_bento_image(model_uri=accepted.model_uri)

            logging.info("Exited initiate_model_pusher method of ModelPusher class")

        except Exception as e:
            raise NetworkException(e, sys)
