"""Trains the forecasting models end to end."""
from math import sqrt
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_squared_error, r2_score, mean_absolute_error
from pandas import DataFrame, Series


def load_data_from_url(url: str) -> DataFrame:
    """Loads the price history from the Yahoo Finance URL."""
    dataset = pd.read_csv(url)
    return dataset


def initial_features_selection(dataset: DataFrame) -> DataFrame:
    dataset.sort_values(by="Date")
    dataset = dataset[["Close"]]
    return dataset


def create_time_series_features(dataset: DataFrame, n_inputs: int = 7) -> DataFrame:
    """Seven previous closes as the features, the next close as the target."""
    rows = []
    for index in range(len(dataset.index) - n_inputs):
        obj = {}
        for j in range(n_inputs):
            obj[f"day_{j+1}"] = dataset.iloc[j + index]["Close"]
        obj["target_day"] = dataset.iloc[n_inputs + index]["Close"]
        rows.append(obj)
    return pd.DataFrame(rows)


def data_formating(dataset: DataFrame) -> DataFrame:
    dataset = dataset.round()
    dataset = dataset.astype("int")
    return dataset


def split_data(dataset: DataFrame, test_size: float = 0.2, random_state: int = 42) -> tuple[DataFrame, DataFrame, Series, Series]:
    x = dataset.drop(["target_day"], axis=1)
    y = dataset["target_day"]
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=test_size, random_state=random_state)
    return x_train, x_test, y_train, y_test


def train_model(x_train: DataFrame, x_test: DataFrame, y_train: Series, y_test: Series) -> list:
    models = {
        "Random Forrest": RandomForestRegressor(),
        "Linear Regression": LinearRegression()
    }
    scores = []
    for model, reg in models.items():
        reg.fit(x_train, y_train)
        y_pred = reg.predict(x_test)
        obj = {}
        obj["Model"] = model
        obj["R2"] = r2_score(y_test, y_pred)
        obj["RMSE"] = sqrt(mean_squared_error(y_test, y_pred))
        obj["MAE"] = mean_absolute_error(y_test, y_pred)
        scores.append(obj)
    return scores


if __name__ == "__main__":
    dataset = load_data_from_url("https://query1.finance.yahoo.com/v7/finance/download/BTC-USD?period1=1519603200&period2=1677369600&interval=1d&events=history&includeAdjustedClose=true")
    dataset = initial_features_selection(dataset)
    dataset = create_time_series_features(dataset)
    dataset = data_formating(dataset)
    x_train, x_test, y_train, y_test = split_data(dataset)
    scores = train_model(x_train, x_test, y_train, y_test)

    print("Model Evaluation:")
    print("-------------")
    for score in scores:
        print(f"Model: {score['Model']}")
        print(f"R2: {score['R2']}")
        print(f"RMSE: {score['RMSE']}")
        print(f"MAE: {score['MAE']}")
        print("-------------")
