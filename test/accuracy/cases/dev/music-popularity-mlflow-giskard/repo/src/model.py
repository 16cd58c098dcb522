from sklearn.model_selection import GridSearchCV, StratifiedKFold
from zenml.client import Client
import mlflow
import mlflow.sklearn
import importlib


def load_features(name, version, size=1):
    client = Client()
    versions = client.list_artifact_versions(name=name, tag=version, sort_by="version").items
    versions.reverse
    X, y = versions[0].load()
    df = X
    df["y"] = y
    df = df.sample(frac=size, random_state=88)
    X = df[df.columns[:-1]]
    y = df.y
    return X, y


def train(X_train, y_train, cfg):
    params = cfg.model.params
    class_instance = getattr(importlib.import_module(cfg.model.module_name), cfg.model.class_name)
    estimator = class_instance(**params)
    cv = StratifiedKFold(n_splits=cfg.model.folds, random_state=cfg.random_state, shuffle=True)
    gs = GridSearchCV(
        estimator=estimator,
        param_grid=dict(params),
        scoring=list(cfg.model.metrics.values()),
        n_jobs=cfg.cv_n_jobs,
        refit=cfg.model.evaluation_metric,
        cv=cv,
    )
    gs.fit(X_train, y_train)
    return gs


def log_metadata(cfg, gs, X_train, y_train, X_test, y_test):
    experiment_id = mlflow.get_experiment_by_name(name=cfg.experiment_name).experiment_id
    with mlflow.start_run(run_name=cfg.run_name, experiment_id=experiment_id):
        mlflow.log_params(gs.best_params_)
        signature = mlflow.models.infer_signature(X_train, gs.predict(X_train))
        model_info = mlflow.sklearn.log_model(
            sk_model=gs.best_estimator_,
            artifact_path=cfg.model.artifact_path,
            signature=signature,
            registered_model_name=cfg.model.model_name,
        )
        loaded_model = mlflow.sklearn.load_model(model_uri=model_info.model_uri)
        predictions = loaded_model.predict(X_test)
        mlflow.evaluate(model_info.model_uri, data=X_test.assign(label=y_test, predictions=predictions), model_type="regressor", evaluators=["default"])


def retrieve_model_with_alias(model_name, model_alias="champion") -> mlflow.pyfunc.PyFuncModel:
    return mlflow.pyfunc.load_model(model_uri=f"models:/{model_name}@{model_alias}")
