import typing as tp

from pydantic import BaseModel, EmailStr, HttpUrl


class Config(BaseModel):
    """
    Base config for all ML pipeline DAGs.
    """

    # hdfs path of main production folder
    output_prefix: tp.AnyStr = "hdfs://home/ubuntu/pipeline"

    # dataset name of current run, can be replaced by any
    dataset_name: tp.AnyStr = "prod_ds"

    # same, but model name
    model_name: tp.AnyStr = "prod_model"

    # email of user
    user_email: EmailStr = "owner@example.com"

    # dag prefix
    dag_prefix: tp.AnyStr = "PROD_"

    # days of the most recent history kept for validation
    val_days: int = 14

    # date primary key
    date_dk: str = "FL_DATE"
    target_column: str = "DEP_DELAY"

    dag_name: str = ""
    mlflow_tracking_uri: HttpUrl = "http://localhost:5000"
