from datetime import date

import joblib
import numpy as np
import pandas as pd
from sklearn import metrics
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split


class Pipeline:
    """
    Pipeline for updating prediction model using latest data
    """

    def __init__(self, dataframe):
        self.df = dataframe
        self.lr = LinearRegression()

    def preprocess(self):
        X = self.df.drop('price', axis=1)
        X = pd.get_dummies(data=X,
                    columns=['location', 'fuel_type', 'transmission',
                        'owner_type', 'seats', 'brand', 'model'])
        y = np.log1p(self.df['price'])
        split_data = train_test_split(
            X, y, test_size=0.3, random_state=101)
        return split_data

    def train(self, X, y):
        self.lr.fit(X, y)

    def test(self, X, y):
        prediction = self.lr.predict(X)
        return metrics.r2_score(y, prediction)

    def run(self):
        X_train, X_test, y_train, y_test = self.preprocess()
        self.train(X_train, y_train)
        r2score = self.test(X_test, y_test)
        today = date.today()
        joblib.dump(self.lr, f'../models/{today.year}_{today.month}_{today.day}.pkl')
        return r2score
