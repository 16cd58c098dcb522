from core.datasets import IrisDatasetLoader, BostonDatasetLoader
from sklearn.linear_model import LinearRegression, LogisticRegression


class IrisTrainerInstance:
    def __init__(self):
        pass

    def load_data(self):
        self.data = IrisDatasetLoader()

    def train_linear_model(self):
        try:
            logreg = LogisticRegression(random_state=13)
            X, y = self.data.load_data()
            logreg.fit(X, y)
        except Exception as e:
            raise (e)
        return logreg


class BostonHousePriceTrainerInstance:
    def __init__(self):
        self.data = BostonDatasetLoader()

    def train(self):
        X, y = self.data.load_data()
        model = LinearRegression()
        model.fit(X, y)
        return model
