"""Model definition."""
from feature_engine.encoding import MeanEncoder, RareLabelEncoder
from feature_engine.imputation import CategoricalImputer, MeanMedianImputer
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

from titanic_model.config.core import config

titanic_pipeline = Pipeline(
    [
        (
            "categorical_imputer_frequent",
            CategoricalImputer(
                imputation_method="frequent",
                variables=config.cat_to_impute_frequent,
            ),
        ),
        (
            "median_imputer",
            MeanMedianImputer(imputation_method="median", variables=config.num_to_impute),
        ),
        ("rare_label_encoder", RareLabelEncoder(variables=config.rare_label_to_group)),
        (
            "mean_target_encoder",
            MeanEncoder(ignore_format=True, variables=config.target_label_encoding),
        ),
        (
            "scaling",
            ColumnTransformer(
                [("standard_scaler", StandardScaler(), config.features_to_scale)],
                remainder="passthrough",
            ),
        ),
        ("clf", XGBClassifier()),
    ]
)
