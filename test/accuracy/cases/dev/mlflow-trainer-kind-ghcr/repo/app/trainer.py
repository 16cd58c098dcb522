# app/trainer.py
import json
import mlflow
import mlflow.sklearn
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.metrics import f1_score
from models import build_random_forest
from utils import log_common_artifacts


class Trainer:
    def __init__(self, tracking_uri=None, experiment_name="mlflow-demo"):
        if tracking_uri:
            mlflow.set_tracking_uri(tracking_uri)
        mlflow.set_experiment(experiment_name)

    def tune_random_forest(self, X, y):
        X_train_full, X_test, y_train_full, y_test = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)
        X_train, X_val, y_train, y_val = train_test_split(X_train_full, y_train_full, test_size=0.2, random_state=42, stratify=y_train_full)

        combos = [{'n_estimators': n, 'max_depth': d} for n in (100, 200) for d in (None, 10)]

        with mlflow.start_run(run_name='RF_parent'):
            best = {'f1_macro': -1.0, 'params': None}
            for i, params in enumerate(combos):
                with mlflow.start_run(run_name=f'RF_trial_{i+1}', nested=True):
                    mlflow.log_params(params)
                    clf = build_random_forest({**params, 'seed': 42})
                    clf.fit(X_train, y_train)
                    y_val_pred = clf.predict(X_val)
                    mlflow.sklearn.log_model(clf, artifact_path='model')
                    f1m = f1_score(y_val, y_val_pred, average='macro')
                    if f1m > best['f1_macro']:
                        best.update({'f1_macro': f1m, 'params': params})

            mlflow.log_param('best_params', json.dumps(best['params']))
            best_clf = build_random_forest({**best['params'], 'seed': 42})
            best_clf.fit(np.concatenate([X_train, X_val]), np.concatenate([y_train, y_val]))
            y_test_pred = best_clf.predict(X_test)
            log_common_artifacts(mlflow.active_run(), y_test, y_test_pred, 'rf_best_test', ['class_0', 'class_1'])
            mlflow.sklearn.log_model(best_clf, artifact_path='best_model')

    def tune_fnn(self, X, y):
        pass
