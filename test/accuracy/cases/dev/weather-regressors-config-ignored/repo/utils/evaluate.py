from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, mean_squared_error


def MAPE_scorer(model, X, y):
    return mean_absolute_percentage_error(y, model.predict(X))


def RMSE_scorer(model, X, y):
    return mean_squared_error(y, model.predict(X), squared=False)


def MAE_scorer(model, X, y):
    return mean_absolute_error(y, model.predict(X))
