import pandas as pd
from sklearn.model_selection import train_test_split


def load_data(url):
    return pd.read_csv(url, header=None)


def preprocess_data(data, test_size=0.2):
    X = data.iloc[:, :4].values
    y = data.iloc[:, 4].values
    return train_test_split(X, y, test_size=test_size, random_state=42)
