"""module responsible for training model"""
import os

import hydra
import mlflow
import structlog
from omegaconf import DictConfig
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler
from sklearn.tree import DecisionTreeClassifier
from xgboost import XGBClassifier

from utils import load_train_data, name_category_features, save_model

logger = structlog.getLogger()

mlflow.set_tracking_uri("sqlite:///mlflow.db")
mlflow.set_experiment("customer_intention")


def data_preparation():
    df = load_train_data()
    df[name_category_features()] = df[name_category_features()].astype(object)
    X = df.drop("Revenue", axis=1)
    y = df["Revenue"].ravel()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=42, stratify=df[["to_split"]])
    return X_train, X_test, y_train, y_test


@hydra.main(config_path="../config/process", config_name="process")
def train(config: DictConfig):
    X_train, X_test, y_train, y_test = data_preparation()
    pipe = Pipeline([("minmax", MinMaxScaler())])
    X_train_transformed = pipe.fit_transform(X_train, y_train)
    X_test_transformed = pipe.transform(X_test)
    save_model(model=pipe, name_file="pipeline")

    with mlflow.start_run(nested=True):
        models = {
            "LogisticRegression": LogisticRegression(max_iter=1000),
            "XGBClassifier": XGBClassifier(),
            "GradientBoostingClassifier": GradientBoostingClassifier(),
            "RandomForestClassifier": RandomForestClassifier(),
            "DecisionTreeClassifier": DecisionTreeClassifier(),
        }
        for model_name, model in models.items():
            y_pred_train = cross_val_predict(model, X_train_transformed, y_train, cv=10)
            mlflow.log_param("model_name", model_name)
            mlmodel = model.fit(X_train_transformed, y_train)
            save_model(model=mlmodel, name_file=f"{model_name}_model")
            y_pred_test = mlmodel.predict(X_test_transformed)
            mlflow.log_artifact(os.path.join(os.path.dirname(os.path.abspath(__file__)), f"../models/{model_name}_model.joblib"))
            mlflow.log_metrics({"n_test": len(y_pred_test), "n_train": len(y_pred_train)})
            mlflow.end_run()
            logger.info(f"Logged in mlflow for model: {model_name}")


if __name__ == "__main__":
    train()
