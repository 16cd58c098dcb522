import pandas as pd
import numpy as np
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.base import BaseEstimator, TransformerMixin
from xgboost import XGBRegressor
from sklearn.metrics import mean_squared_error
import joblib


class LoadData(BaseEstimator, TransformerMixin):

    def fit(self, X, y=None):
        return self

    def transform(self, X, y=None):
        train_df = pd.read_csv(os.path.join(f'{PWD}/data', "train.csv"))
        store_df = pd.read_csv(os.path.join(f'{PWD}/data', "stores.csv"))
        feature_df = pd.read_csv(os.path.join(f'{PWD}/data', "features.csv"))
        train_df = train_df.merge(store_df, how='left', on='Store').merge(feature_df, how='left', on=['Store', 'Date', 'IsHoliday'])
        return train_df


class FeatureEngineering(BaseEstimator, TransformerMixin):

    def fit(self, X, y=None):
        return self

    def transform(self, X, y=None):
        X['month'] = pd.to_datetime(X['Date']).dt.month
        X['week'] = pd.to_datetime(X['Date']).dt.isocalendar().week.astype("int32")
        X = X.sort_values(by=['Store', 'Dept', 'Date'])
        X['Weekly_Sales_lag1'] = X.groupby(['Store', 'Dept'])['Weekly_Sales'].shift(1)
        X['Weekly_Sales_roll_mean_3'] = X.groupby(['Store', 'Dept'])['Weekly_Sales'].transform(lambda x: x.shift(1).rolling(window=3).mean())
        return X


class PreprocessData(BaseEstimator, TransformerMixin):

        def fit(self, X, y=None):
            return self

        def transform(self, X, y=None):
            encoder = OneHotEncoder()
            X_encoded = encoder.fit_transform(X[['Store', 'Dept', 'Type']])
            X_encoded = pd.DataFrame(X_encoded.toarray(), columns=encoder.get_feature_names_out(['Store', 'Dept', 'Type']))
            X = pd.concat([X, X_encoded], axis=1)
            X.drop(['Store', 'Dept', 'Type'], axis=1, inplace=True)

            num_features = ['Size', 'Temperature', 'Fuel_Price', 'CPI', 'Unemployment', 'month', 'week',
                'Weekly_Sales_lag1', 'Weekly_Sales_roll_mean_3']

            scaler = StandardScaler()
            X[num_features] = scaler.fit_transform(X[num_features])
            return X


class TrainModel(BaseEstimator, TransformerMixin):

        def fit(self, X, y=None):
            return self

        def transform(self, X, y=None):
            X_train = X[X['Date'] < '2012-09-01']
            y_train = X_train['Weekly_Sales']
            X_train = X_train.drop(['Date', 'Weekly_Sales'], axis=1)

            X_test = X[X['Date'] >= '2012-09-01']
            y_test = X_test['Weekly_Sales']
            X_test = X_test.drop(['Date', 'Weekly_Sales'], axis=1)

            model = XGBRegressor()
            model.fit(X_train, y_train)

            train_preds = model.predict(X_train)
            train_rmse = np.sqrt(mean_squared_error(y_train, train_preds))
            test_preds = model.predict(X_test)
            test_rmse = np.sqrt(mean_squared_error(y_test, test_preds))

            joblib.dump(model, 'model.pkl')

            return train_rmse, test_rmse


pipeline = Pipeline([
    ('load_data', LoadData()),
    ('feature_engineering', FeatureEngineering()),
    ('preprocess_data', PreprocessData()),
    ('train_model', TrainModel())
])

if __name__ == "__main__":
    pipeline.fit(None)
