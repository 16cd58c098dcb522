from sklearn.linear_model import LinearRegression, Ridge, Lasso
from sklearn.metrics import mean_squared_error, r2_score


class LinearRegressionModel:
    def __init__(self):
        self.model = None

    def train(self, X, y, regularization="none", alpha=1.0):
        if regularization == "ridge":
            self.model = Ridge(alpha=alpha)
        elif regularization == "lasso":
            self.model = Lasso(alpha=alpha)
        else:
            self.model = LinearRegression()
        self.model.fit(X, y)
        return {"r2": r2_score(y, self.model.predict(X))}

    def evaluate(self, X, y):
        preds = self.model.predict(X)
        return {"r2": r2_score(y, preds), "rmse": mean_squared_error(y, preds) ** 0.5}
