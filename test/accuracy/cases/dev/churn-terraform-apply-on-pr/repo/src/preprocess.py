import pandas as pd


def preprocess_data(path):
    df = pd.read_csv(path)
    df.dropna(inplace=True)
    df = pd.get_dummies(df, drop_first=True)
    return df
