from datetime import datetime, timedelta

import numpy as np
import pandas as pd
from fbprophet import Prophet
from sklearn import linear_model
from sklearn.svm import SVR


def _svr_compute(model, prices):
    times = np.arange(prices.size).reshape(-1, 1)
    model.fit(times, prices)
    p_arr = np.arange(prices.size).reshape(-1, 1)
    return model.predict(p_arr)[-10:]


def svr_rbf(prices):
    model = SVR(kernel='rbf', C=1e3, gamma=0.1)
    return _svr_compute(model, prices)


def linear(prices):
    model = linear_model.LinearRegression()
    return _svr_compute(model, prices)


def prophet(prices):
    m = Prophet()
    s = 10
    times = datetime(1995, 7, 1) + np.arange(prices.size) * timedelta(hours=1)
    df = pd.DataFrame({"ds": times, "y": prices})
    m.fit(df)
    future = m.make_future_dataframe(periods=s)
    forecast = m.predict(future)
    return forecast[['yhat']][-s:].values.reshape(1, -1)


def get_models():
    return {"svr_rbf": svr_rbf, "prophet": prophet, "linear": linear, "default": linear}


class ModelLibrary:

    def __init__(self, name, models=get_models()):
        self._models = models
        self._model_func = self._models.get(name, self._models["default"])

    def predict(self, x):
        return self._model_func(x)
