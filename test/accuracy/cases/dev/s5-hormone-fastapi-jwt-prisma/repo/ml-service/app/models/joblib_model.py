# models/joblib_model.py
import joblib
import pandas as pd


class JoblibModel:
    def __init__(self, path):
        self.model = joblib.load(path)

    def predict(self, df: pd.DataFrame):
        return self.model.predict(df)
