import pandas as pd
from sklearn.preprocessing import StandardScaler, OneHotEncoder
from sklearn.impute import SimpleImputer
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_squared_error
import mlflow
from hyperopt import fmin, tpe, hp, STATUS_OK, Trials
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer

clean = __import__('04-1_clean')


def initialize_regression_model(params, categoric_feat, numeric_feat, type='gradientbooster'):
    numeric_pipeline = Pipeline(steps=[
        ('impute', SimpleImputer(strategy='mean')),
        ('scale', StandardScaler())
    ])
    categorical_pipeline = Pipeline(steps=[
        ('impute', SimpleImputer(strategy='most_frequent')),
        ('one-hot', OneHotEncoder(handle_unknown='ignore', sparse=False))
    ])
    preprocessor_pipeline = ColumnTransformer(transformers=[
        ('numeric', numeric_pipeline, numeric_feat),
        ('categoric', categorical_pipeline, categoric_feat)
    ])
    if type == 'gradientbooster':
        regressor = GradientBoostingRegressor(**params)
    else:
        regressor = None
    return Pipeline(steps=[
        ('preprocess', preprocessor_pipeline),
        ('model', regressor)
    ])


def hyperparameter_optimizer(X_train, y_train, X_val, y_val, categoric_feat, numeric_feat):
    search_space = {
        'learning_rate': hp.loguniform('learning_rate', -3, 1),
        'random_state': 42
    }

    def objective(params):
        with mlflow.start_run():
            mlflow.set_tag('model', 'gradientboostingregressor')
            mlflow.sklearn.autolog()
            pipe = initialize_regression_model(params=params, categoric_feat=categoric_feat, numeric_feat=numeric_feat)
            pipe.fit(X_train, y_train)
            y_pred = pipe.predict(X_val)
            rmse = mean_squared_error(y_val, y_pred, squared=False)
            mlflow.log_metric('validation_rmse', rmse)
        return {'loss': rmse, 'status': STATUS_OK}

    best_result = fmin(
        fn=objective,
        space=search_space,
        algo=tpe.suggest,
        max_evals=50,
        trials=Trials()
    )

    return


def main(
    tracking_uri='sqlite:///mlflow.db',
    experiment='gradient-booster-experiment-2',
    target_feat='duration',
    train_feat=['PU_DO_pair', 'trip_distance', 'total_amount', 'passenger_count'],
    categoric_feat=['PU_DO_pair'],
    numeric_feat=['trip_distance', 'total_amount', 'passenger_count']
):
    mlflow.set_tracking_uri(tracking_uri)
    mlflow.set_experiment(experiment)
    train_path = './data/green_tripdata_2021-01.parquet'
    val_path = './data/green_tripdata_2021-02.parquet'
    df_train = pd.read_parquet(train_path)
    df_val = pd.read_parquet(val_path)
    X_train, y_train = clean.cleaned_train_and_target(df_train, train_feat, target_feat)
    X_val, y_val = clean.cleaned_train_and_target(df_val, train_feat, target_feat)
    hyperparameter_optimizer(X_train, y_train, X_val, y_val, categoric_feat, numeric_feat)

# main()
