import pickle
from datetime import datetime

import numpy as np
import pandas as pd
import randomname
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import ElasticNet
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GridSearchCV, KFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sqlalchemy import desc
from sqlalchemy.sql import null

from _common.database_communicator.db_connector import DBConnector
from _common.database_communicator.tables import DataMain, DataMainCols, Models, ModelsCols
from _common.misc.variables import CATEGORICAL_FEATS, FEAT_COLS, NUMERIC_FEATS


class PricepyModel(DBConnector):
    """ElasticNet regression model with GridSearchCV, cross-validation and evaluation methods."""

    def __init__(self):
        super().__init__()
        self.session = self.create_session()
        self.engine = self.create_sql_engine()
        self.data = None
        self.X = None
        self.y = None
        self.X_preprocessor = None
        self.model = None
        self.mae = None
        self.rmse = None
        self.r2 = None
        self.best_params = None

    def get_data(self):
        query = self.session.query(DataMain).statement
        data = pd.read_sql(query, self.engine)
        self.data = data
        print("Data successfully downloaded from the database!")

    def preprocess_data(self):
        data = self.data.dropna()
        X = data[FEAT_COLS].copy()
        y = data[[DataMainCols.PRICE]].copy()
        X_preprocessor = ColumnTransformer(
            transformers=[
                ("cat", Pipeline(steps=[("onehot", OneHotEncoder(handle_unknown="ignore"))]), CATEGORICAL_FEATS),
                ("num", Pipeline(steps=[("scaler", StandardScaler())]), NUMERIC_FEATS),
            ]
        )
        X_encoded = X_preprocessor.fit_transform(X)
        self.X = X_encoded
        self.y = y
        self.X_preprocessor = X_preprocessor

    def hyperparameter_tuning(self):
        random_cv = GridSearchCV(
            estimator=ElasticNet(positive=False, fit_intercept=True, copy_X=True),
            param_grid={
                "alpha": [0.1, 0.5, 1.0, 2.0, 5.0],
                "l1_ratio": [0.1, 0.3, 0.5, 0.7, 0.9],
            },
            cv=5,
            scoring="neg_mean_absolute_error",
            n_jobs=-1,
        )
        random_cv.fit(self.X, self.y)
        self.best_params = random_cv.best_params_
        print("Found best params: ", self.best_params)

    def fit(self):
        model = ElasticNet(**self.best_params)
        model.fit(self.X, self.y)
        model.X_preprocessor = self.X_preprocessor
        self.model = model

    def train_model(self):
        self.get_data()
        self.preprocess_data()
        self.hyperparameter_tuning()
        self.fit()
        self.evaluate()

    def evaluate(self):
        kf = KFold(n_splits=5, shuffle=True, random_state=42)
        y_pred = cross_val_predict(self.model, self.X, self.y, cv=kf)
        self.rmse = np.sqrt(mean_squared_error(self.y, y_pred))
        self.mae = mean_absolute_error(self.y, y_pred)
        self.r2 = self.model.score(self.X, self.y)
        print(f"Cross-validated MAE: {self.mae:.2f}")

    def save_model(self):
        model_name = randomname.get_name()
        model_date = datetime.now()
        model_binary = pickle.dumps(self.model)
        hparams = null()

        values = {
            ModelsCols.MODEL_NAME: model_name,
            ModelsCols.MODEL_DATE: model_date,
            ModelsCols.MODEL_MAE: self.mae,
            ModelsCols.MODEL_RMSE: self.rmse,
            ModelsCols.MODEL_R2: self.r2,
            ModelsCols.MODEL_BINARY: model_binary,
            ModelsCols.HPARAMS: hparams,
        }
        self.session.add(Models(**values))
        self.session.commit()

    def load_model(self, return_=False):
        row = (
            self.session.query(Models.model_binary, Models.model_name)
            .order_by(desc(Models.model_date))
            .first()
        )
        latest_model = pickle.loads(row.model_binary)  # noqa
        self.X_preprocessor = latest_model.X_preprocessor
        self.model = latest_model
        print(f"Successfully loaded the latest model! The model name: {row.model_name}")
        if return_:
            return latest_model
