from sklearn.base import BaseEstimator, TransformerMixin
import pandas as pd
from sklearn.pipeline import Pipeline


class MapPhoneService(BaseEstimator, TransformerMixin):
    def fit(self, X, y=None):
        return self

    def transform(self, X):
        X = X.copy()
        X['PhoneService'] = X['PhoneService'].map({'Yes': 1, 'No': 0}).fillna(0).astype(int)
        return X


class ImputeTenure(BaseEstimator, TransformerMixin):
    def fit(self, X, y=None):
        return self

    def process_value(self, x):
        try:
            return int(round(float(x)))
        except (ValueError, TypeError):
            print(f"Invalid tenure value: {x}")
            return None

    def transform(self, X):
        X = X.copy()
        X['tenure'] = X['tenure'].apply(self.process_value)
        return X


class ImputeTotalCharges(BaseEstimator, TransformerMixin):
    def fit(self, X, y=None):
        return self

    def process_value(self, x):
        try:
            return float(x)
        except (ValueError, TypeError):
            print(f"Invalid TotalCharges value: {x}")
            return None

    def transform(self, X):
        X = X.copy()
        X['TotalCharges'] = X['TotalCharges'].apply(self.process_value)
        return X


class OneHotEncodeContract(BaseEstimator, TransformerMixin):
    def __init__(self, contract_types=None):
        self.contract_types = contract_types or ['Month-to-month', 'One year', 'Two year']

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        X = X.copy()
        if hasattr(X['Contract'].iloc[0], 'value'):
            X['Contract'] = X['Contract'].apply(lambda x: x.value)
        else:
            X['Contract'] = X['Contract'].astype(str)
        dummies = pd.get_dummies(X['Contract'], prefix='Contract').astype(int)
        for contract_type in self.contract_types:
            if f'Contract_{contract_type}' not in dummies.columns:
                dummies[f'Contract_{contract_type}'] = 0
        return X.join(dummies)


pipeline = Pipeline([
    ('map_phone_service', MapPhoneService()),
    ('impute_tenure', ImputeTenure()),
    ('impute_total_charges', ImputeTotalCharges()),
    ('one_hot_encode_contract', OneHotEncodeContract()),
])
