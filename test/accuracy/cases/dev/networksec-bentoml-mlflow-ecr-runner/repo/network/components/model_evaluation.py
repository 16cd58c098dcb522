import sys

import mlflow
import pandas as pd
from mlflow.models import MetricThreshold
from mlflow.models.evaluation.validation import ModelValidationFailedException

from network.constant import training_pipeline
from network.entity.config_entity import EvaluateModelResponse
from network.exception import NetworkException
from network.logger import logging
from network.ml.mlflow import MLFLowOperation


class ModelEvaluation:
    def __init__(self, model_eval_config, data_validation_artifact, model_trainer_artifact):
        self.model_eval_config = model_eval_config
        self.data_validation_artifact = data_validation_artifact
        self.model_trainer_artifact = model_trainer_artifact
        self.mlflow_op = MLFLowOperation()

    def evaluate_model(self) -> EvaluateModelResponse:
        try:
            test_df = pd.read_csv(self.data_validation_artifact.testing_file_path)
            x = test_df.drop(training_pipeline.TARGET_COLUMN, axis=1)
            y = test_df[training_pipeline.TARGET_COLUMN]

            trained_model_info = self.mlflow_op.get_model_info(
                best_model_name=self.model_trainer_artifact.best_model_name
            )
            y.replace(-1, 0, inplace=True)

            prod_model_info = self.mlflow_op.get_prod_model_info()

            if prod_model_info is None:
                return EvaluateModelResponse(
                    is_model_accepted=True,
                    trained_model_info=trained_model_info,
                    accepted_model_info=trained_model_info,
                    prod_model_info=None,
                )

            eval_data = x
            eval_data["label"] = y

            thresholds = {
                "score": MetricThreshold(
                    threshold=self.model_eval_config.model_eval_threshold,
                    min_absolute_change=self.model_eval_config.min_absolute_change,
                    higher_is_better=self.model_eval_config.higher_is_better,
                )
            }

            try:
                result = mlflow.evaluate(
                    model=trained_model_info.model_uri,
                    data=eval_data,
                    targets="label",
                    model_type=self.model_eval_config.model_type,
                    validation_thresholds=thresholds,
                    baseline_model=prod_model_info.model_uri,
                )
                logging.info(f"MLFlow Model Evaluation Result is : {result.metrics}")
                return EvaluateModelResponse(
                    is_model_accepted=True,
                    trained_model_info=trained_model_info,
                    accepted_model_info=trained_model_info,
                    prod_model_info=prod_model_info,
                )

            except ModelValidationFailedException:
                logging.info("Trained model is not better than the production model")
                return EvaluateModelResponse(
                    is_model_accepted=False,
                    trained_model_info=trained_model_info,
                    accepted_model_info=None,
                    prod_model_info=prod_model_info,
                )

        except Exception as e:
            raise NetworkException(e, sys)
