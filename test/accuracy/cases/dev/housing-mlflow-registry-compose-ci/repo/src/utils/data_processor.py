import pandas as pd
from sklearn.model_selection import train_test_split


class DataLoader:
    def load_data(self, path):
        df = pd.read_csv(path)
        return df.drop(columns=["price"]), df["price"]

    def split_data(self, X, y, test_size=0.2, random_state=42):
        return train_test_split(X, y, test_size=test_size, random_state=random_state)
