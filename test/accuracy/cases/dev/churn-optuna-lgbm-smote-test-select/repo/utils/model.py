import pickle
import sklearn
import sklearn.preprocessing
import sklearn.metrics
import ipdb


def save_model(model=None, name="model", features=[]):
    if model:
        with open(f"models/{name}.pickle", "wb") as file:
            pickle.dump((model, features), file)
            print("Save", name)

    return name


def load_model(file_name):
    with open(f"models/{file_name}", "rb") as file:
        model_tpl = pickle.load(file)

    return model_tpl


def predict(model_name, dataframe, scale=False):
    model, features = load_model(model_name)

    X = dataframe[features]
    y_true = dataframe.target

    if scale:
        scaler = sklearn.preprocessing.StandardScaler()
        X = scaler.fit_transform(X)

    y_pred = model.predict(X)
    y_pred_proba = model.predict_proba(X)[:, 1]

    Metrics().call(y_true, y_pred, y_pred_proba)

    return model.predict(X)


def predict_booster(model_name, dataframe):
    model, features = load_model(model_name)

    X = dataframe[features]
    y_true = dataframe.target

    y_pred_proba = model.predict(X, num_iteration=model.best_iteration)
    y_pred = (y_pred_proba >= 0.5).astype(int)

    Metrics().call(y_true, y_pred, y_pred_proba)

    return y_pred, model, features


class Metrics:
    def call(self, y_true, y_pred, y_pred_proba):
        print("\nMetrics")
        auc = sklearn.metrics.roc_auc_score(y_true, y_pred_proba)
        print(f"AUC: {auc:.2f}")
        print(sklearn.metrics.classification_report(y_true, y_pred))
