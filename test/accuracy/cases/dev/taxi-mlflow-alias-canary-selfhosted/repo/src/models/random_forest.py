from sklearn.ensemble import RandomForestRegressor


def get():
    return RandomForestRegressor(n_estimators=100, n_jobs=-1)
