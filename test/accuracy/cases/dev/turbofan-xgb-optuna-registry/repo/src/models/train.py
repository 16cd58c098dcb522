import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_squared_error, mean_absolute_error, r2_score
import xgboost as xgb
import mlflow
import mlflow.xgboost
import optuna
from optuna.integration.mlflow import MLflowCallback


def prepare_features_target(data):
    exclude_cols = ['unit', 'cycle', 'RUL']
    feature_cols = [col for col in data.columns if col not in exclude_cols]
    return data[feature_cols], data['RUL']


def objective(trial, X_train, y_train, X_val, y_val):
    params = {
        'objective': 'reg:squarederror',
        'max_depth': trial.suggest_int('max_depth', 3, 10),
        'learning_rate': trial.suggest_float('learning_rate', 0.01, 0.3),
        'n_estimators': trial.suggest_int('n_estimators', 50, 500),
        'subsample': trial.suggest_float('subsample', 0.6, 1.0),
        'random_state': 42
    }
    model = xgb.XGBRegressor(**params)
    model.fit(
        X_train, y_train,
        eval_set=[(X_val, y_val)],
        early_stopping_rounds=10,
        verbose=False
    )
    predictions = model.predict(X_val)
    return np.sqrt(mean_squared_error(y_val, predictions))


def evaluate_model(model, X, y, dataset_name=""):
    predictions = model.predict(X)
    metrics = {
        f'{dataset_name}_rmse': np.sqrt(mean_squared_error(y, predictions)),
        f'{dataset_name}_mae': mean_absolute_error(y, predictions),
        f'{dataset_name}_r2': r2_score(y, predictions)
    }
    return metrics, predictions


def main(use_tuning=True, n_trials=50):
    mlflow.set_experiment("turbofan_rul_prediction")

    data = pd.read_csv('data/processed/train_FD001_processed.csv')
    X, y = prepare_features_target(data)

    X_train, X_val, y_train, y_val = train_test_split(
        X, y, test_size=0.2, random_state=42
    )

    if use_tuning:
        study = optuna.create_study(
            direction='minimize',
            study_name='turbofan_rul_tuning',
            pruner=optuna.pruners.MedianPruner(n_warmup_steps=10)
        )
        mlflowc = MLflowCallback(
            tracking_uri=mlflow.get_tracking_uri(),
            metric_name='val_rmse'
        )
        study.optimize(
            lambda trial: objective(trial, X_train, y_train, X_val, y_val),
            n_trials=n_trials,
            callbacks=[mlflowc],
        )
        print(f"Best RMSE: {study.best_value:.2f}")
        best_params = study.best_params.copy()
        best_params['objective'] = 'reg:squarederror'
        best_params['random_state'] = 42
    else:
        best_params = {'objective': 'reg:squarederror', 'max_depth': 6, 'random_state': 42}

    with mlflow.start_run(run_name="best_model"):
        model = xgb.XGBRegressor(**best_params)
        model.fit(
            X_train, y_train,
            eval_set=[(X_val, y_val)],
            early_stopping_rounds=10,
            verbose=False
        )

        mlflow.log_params(best_params)
        mlflow.log_param("dataset", "FD001")
        mlflow.log_param("train_size", len(X_train))

        train_metrics, _ = evaluate_model(model, X_train, y_train, "train")
        val_metrics, val_predictions = evaluate_model(model, X_val, y_val, "val")
        mlflow.log_metrics({**train_metrics, **val_metrics})

        print(f"Val RMSE:   {val_metrics['val_rmse']:.2f}")

        mlflow.xgboost.log_model(
            model,
            "model",
            registered_model_name="turbofan_rul_xgboost"
        )
        mlflow.log_dict({"features": list(X.columns)}, "features.json")


if __name__ == "__main__":
    main(use_tuning=True, n_trials=50)
