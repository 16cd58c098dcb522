from sklearn.ensemble import RandomForestClassifier


def build_random_forest(params):
    return RandomForestClassifier(
        n_estimators=params['n_estimators'],
        max_depth=params['max_depth'],
        random_state=params['seed'],
        n_jobs=-1,
    )
