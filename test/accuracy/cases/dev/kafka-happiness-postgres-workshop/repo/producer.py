import pandas as pd
from sklearn.model_selection import train_test_split

from services.kafka import kafka_producer


def load_features():
    df = pd.concat([pd.read_csv(f"./data/{year}.csv") for year in (2015, 2016, 2017, 2018, 2019)], ignore_index=True)
    df = df.dropna()
    y = df["happiness_score"]
    X = df.drop(columns=["happiness_score"])
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=1)
    return df.loc[y_test.index]


if __name__ == "__main__":
    happiness_df = load_features()
    for index, row in happiness_df.iterrows():
        kafka_producer(row)
