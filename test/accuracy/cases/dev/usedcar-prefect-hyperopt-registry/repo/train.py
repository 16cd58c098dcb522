"""Training module"""

import os
import time
import shutil
import mlflow
import pickle
import pandas as pd
import xgboost as xgb
from prefect import flow, task
from hyperopt import STATUS_OK, Trials, hp, tpe, fmin
from sklearn.svm import SVR
from hyperopt.pyll import scope
from mlflow.entities import ViewType
from mlflow.tracking import MlflowClient
from six.moves import urllib
from catboost import CatBoostRegressor
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.ensemble import RandomForestRegressor
from sklearn.pipeline import make_pipeline
from sklearn.compose import ColumnTransformer
from prefect.task_runners import SequentialTaskRunner
from sklearn.model_selection import train_test_split
from category_encoders.binary import BinaryEncoder
from sklearn.preprocessing import StandardScaler, OneHotEncoder


MLFLOW_TRACKING_URI = os.getenv("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000")
EXPERIMENT_NAME = os.getenv("EXPERIMENT_NAME", "used-car-prediction")
MODEL_SEARCH_ITERATIONS = int(os.getenv("MODEL_SEARCH_ITERATIONS", "1"))


@task
def download_data():
    """Downloads the data set, keeps a dated copy and sets the working file."""
    download_url = 'https://raw.githubusercontent.com/aravind9722/datasets-for-ML-projects/main/cardekho_dataset.csv'

    download_path = 'data'
    os.makedirs(download_path, exist_ok=True)

    data_file_name = os.path.basename(download_url)
    data_file_path = os.path.join(download_path, data_file_name)

    urllib.request.urlretrieve(download_url, data_file_path)

    datetime = time.strftime("%Y%m%d-%H%M%S")
    os.rename(
        f"{download_path}/cardekho_dataset.csv",
        f"{download_path}/data-{datetime}.csv",
    )
    shutil.copy(
        f"{download_path}/data-{datetime}.csv",
        f"{download_path}/data.csv",
    )
    data = f"{download_path}/data.csv"

    print(data)
    return data


@task
def read_data(filename):
    """Reads the CSV and stores the model and brand lists for the web form."""
    df = pd.read_csv(filename)

    df.drop(['car_name', 'Unnamed: 0'], axis=1, inplace=True)

    model_list = df["model"].unique()
    brand_list = df["brand"].unique()

    os.makedirs("pickle", exist_ok=True)

    file = open("pickle/carnamelist.pkl", "wb")
    pickle.dump(model_list, file)
    pickle.dump(brand_list, file)
    file.close()

    return df


@task
def prepare_data(df):
    """Fits the column transformer, saves it and logs it as an artifact."""
    target = 'selling_price'

    X = df.drop(target, axis=1)
    y = df[target]

    num_features = X.select_dtypes(exclude="object").columns
    onehot_columns = ['seller_type', 'fuel_type', 'transmission_type']
    binary_columns = ['brand', 'model']

    with mlflow.start_run():

        preprocessor = ColumnTransformer(
            [
                ("OneHotEncoder", OneHotEncoder(), onehot_columns),
                ("StandardScaler", StandardScaler(), num_features),
                ("BinaryEncoder", BinaryEncoder(), binary_columns)
            ]
        )

        X = preprocessor.fit_transform(X)
        pickle.dump(preprocessor, open('pickle/preprocess.pkl', 'wb'))

        mlflow.log_artifact(local_path="pickle/preprocess.pkl",
                            artifact_path="store_pickle")
    return X, y


@task
def split_data(X, y):
    """Splits data in training and validation sets"""
    X_train, X_val, y_train, y_val = train_test_split(
        X, y, test_size=0.33, random_state=1
    )

    return X_train, X_val, y_train, y_val


@task
def train_model_xgboost_search(X_train, X_val, y_train, y_val):
    """Searches for the best XGBoost model"""
    mlflow.xgboost.autolog()

    train = xgb.DMatrix(X_train, label=y_train)
    valid = xgb.DMatrix(X_val, label=y_val)

    def objective(params):
        with mlflow.start_run():
            booster = xgb.train(
                params=params,
                dtrain=train,
                num_boost_round=10,
                evals=[(valid, 'validation')],
                early_stopping_rounds=5
            )
            y_pred = booster.predict(valid)
            rmse = mean_squared_error(y_val, y_pred, squared=False)
            r2 = r2_score(y_val, y_pred)
            mlflow.log_metric("rmse", rmse)
            mlflow.log_metric("r2_score", r2)

        return {'loss': rmse, 'status': STATUS_OK}

    search_space = {
        'max_depth': scope.int(hp.quniform('max_depth', 4, 100, 1)),
        'learning_rate': hp.loguniform('learning_rate', -3, 0),
        'reg_alpha': hp.loguniform('reg_alpha', -5, -1),
        'reg_lambda': hp.loguniform('reg_lambda', -6, -1),
        'min_child_weight': hp.loguniform('min_child_weight', -1, 3),
        'objective': 'reg:squarederror',
        'seed': 42
    }

    fmin(
        fn=objective,
        space=search_space,
        algo=tpe.suggest,
        max_evals=MODEL_SEARCH_ITERATIONS,
        trials=Trials(),
    )
    return


@task
def train_model_sklearn_search(X_train, X_val, y_train, y_val):
    """Searches for the best scikit-learn model"""
    mlflow.sklearn.autolog()

    def objective(params):

        with mlflow.start_run(run_name='SklearnModels'):
            regressor_type = params["type"]
            del params["type"]
            if regressor_type == "svm":
                reg = make_pipeline(StandardScaler(), SVR(**params, verbose=False))
            elif regressor_type == "rf":
                reg = make_pipeline(StandardScaler(), RandomForestRegressor(**params))
            elif regressor_type == "catboost":
                reg = make_pipeline(StandardScaler(), CatBoostRegressor(**params))

            reg.fit(X_train, y_train)
            y_pred = reg.predict(X_val)
            rmse = mean_squared_error(y_val, y_pred, squared=False)
            r2 = r2_score(y_val, y_pred)
            mlflow.log_metric("rmse", rmse)
            mlflow.log_metric("r2_score", r2)

        return {"loss": rmse, "status": STATUS_OK}

    search_space = hp.choice(
        "regressor_type",
        [
            {
                "type": "svm",
                "C": hp.uniform("SVR_C", 0.5, 15),
                "gamma": hp.uniform("SVM_gamma", 0.05, 15),
                "kernel": hp.choice("kernel", ["linear", "poly", "rbf"]),
            },
            {
                "type": "rf",
                "max_depth": scope.int(hp.uniform("max_depth", 2, 5)),
                "criterion": hp.choice("criterion", ["squared_error", "absolute_error", "poisson"]),
            },
            {
                "type": "catboost",
                'depth': hp.quniform("depth", 8, 16, 1),
                'learning_rate': hp.uniform('learning_rate', 0.01, 0.2),
            }
        ],
    )

    fmin(
        fn=objective,
        space=search_space,
        algo=tpe.suggest,
        max_evals=MODEL_SEARCH_ITERATIONS,
        trials=Trials(),
    )


@task
def register_best_model():
    """Registers the run with the lowest rmse"""
    client = MlflowClient()
    experiment = client.get_experiment_by_name(EXPERIMENT_NAME)
    best_run = client.search_runs(
        experiment_ids=experiment.experiment_id,
        run_view_type=ViewType.ACTIVE_ONLY,
        max_results=1,
        order_by=["metrics.rmse ASC"],
    )[0]
    run_id = best_run.info.run_id
    model_uri = f"runs:/{run_id}/model"
    best_rmse = round(best_run.data.metrics['rmse'])
    best_r2 = best_run.data.metrics['r2_score']
    model_details = mlflow.register_model(
        model_uri=model_uri, name=EXPERIMENT_NAME)
    client.update_registered_model(
        name=model_details.name, description=f"Current rmse: {best_rmse} \n best r2_score: {best_r2}"
    )


@flow(task_runner=SequentialTaskRunner())
def main():
    """Downloads, prepares and splits the data, searches two model families and registers the best run"""
    mlflow.set_tracking_uri(MLFLOW_TRACKING_URI)
    mlflow.set_experiment(EXPERIMENT_NAME)
    path = download_data()
    data = read_data(path).result()
    X, y = prepare_data(data).result()
    X_train, X_val, y_train, y_val = split_data(X, y).result()
    train_model_xgboost_search(X_train, X_val, y_train, y_val)
    train_model_sklearn_search(X_train, X_val, y_train, y_val)
    register_best_model()


if __name__ == "__main__":
    main()
