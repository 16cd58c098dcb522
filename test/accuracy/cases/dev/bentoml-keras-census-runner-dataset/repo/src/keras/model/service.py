#from bentoml import artifacts, api, BentoService
import bentoml
from bentoml.io import NumpyNdarray, PandasDataFrame
#from bentoml.frameworks.keras import KerasModelArtifact
import numpy as np
import pandas as pd
import tensorflow as tf


#@bentoml.artifacts([KerasModelArtifact('modeltest')])
runner = bentoml.tensorflow.get("modeltest:latest").to_runner()
svc = bentoml.Service("modeltest", runners=[runner])

data = [{"age":35,"class_of_worker":"Private","education":"Bachelors degree(BA AB BS)","wage_per_hour":0,"sex":"Male","capital_gains":15024,"capital_losses":0,"dividends_from_stocks":0,"instance_weight":824.91,"num_persons_worked_for_employer":4,"weeks_worked_in_year":52,"year":94},{"age":35,"class_of_worker":"Private","education":"Bachelors degree(BA AB BS)","wage_per_hour":0,"sex":"Male","capital_gains":15024,"capital_losses":0,"dividends_from_stocks":0,"instance_weight":824.91,"num_persons_worked_for_employer":4,"weeks_worked_in_year":52,"year":94}]

df = pd.DataFrame(data)

# Column names.
CSV_HEADER = [
    "age",
    "class_of_worker",
    "education",
    "wage_per_hour",
    "sex",
    "capital_gains",
    "capital_losses",
    "dividends_from_stocks",
    "instance_weight",
    "num_persons_worked_for_employer",
    "weeks_worked_in_year",
    "year",
    "income_level",
]

# Target feature name.
TARGET_FEATURE_NAME = "income_level"
# Weight column name.
WEIGHT_COLUMN_NAME = "instance_weight"
# Numeric feature names.
NUMERIC_FEATURE_NAMES = [
    "age",
    "wage_per_hour",
    "capital_gains",
    "capital_losses",
    "dividends_from_stocks",
    "num_persons_worked_for_employer",
    "weeks_worked_in_year",
]

CATEGORICAL_FEATURES_WITH_VOCABULARY = {
    feature_name: sorted([str(value) for value in list(df[feature_name].unique())])
    for feature_name in CSV_HEADER
    if feature_name
    not in list(NUMERIC_FEATURE_NAMES + [WEIGHT_COLUMN_NAME, TARGET_FEATURE_NAME])
}

# All features names.
FEATURE_NAMES = NUMERIC_FEATURE_NAMES + list(
    CATEGORICAL_FEATURES_WITH_VOCABULARY.keys()
)


@svc.api(input=PandasDataFrame(orient="records"),
        output=NumpyNdarray(dtype="float32"))

async def predict(df):
        
        for feature in NUMERIC_FEATURE_NAMES :
            df[feature] = df[feature].astype("float32")

        df = tf.data.Dataset.from_tensor_slices(dict(df))
        # Optional pre-processing, post-processing code goes here
        return await runner.async_run(df)
