from pathlib import Path

import category_encoders as ce
import mlflow
import pandas as pd
from pandas import DataFrame
from prefect import flow, task
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


@task
def pull_data(path_to_dataset: Path):
    df = pd.read_csv(path_to_dataset)
    df = df.drop_duplicates()
    df.dropna(axis=0, inplace=True)
    return df


@task
def preprocess_data(df: DataFrame):
    encoder = ce.OneHotEncoder(cols=["species", "island"], handle_unknown="return_nan", return_df=True, use_cat_names=True)
    df_enc = encoder.fit_transform(df)
    df_enc.loc[df_enc.sex == "male", "label"] = int(1)
    df_enc.loc[df_enc.sex == "female", "label"] = int(0)
    df_enc.drop(columns=["rowid", "sex"], axis=1, inplace=True)
    return df_enc


@task
def get_train_val_datasets(df: DataFrame):
    X = df.iloc[:, :11].values
    y = df[["label"]].to_numpy().reshape(-1)
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, shuffle=True, stratify=y, random_state=42)
    return X_train, X_val, y_train, y_val


@task
def train_log_reg(X_train, X_val, y_train, y_val, regularization):
    pipe = Pipeline([("scaler", StandardScaler()), ("log_reg", LogisticRegression(C=regularization, random_state=42))])
    model = pipe.fit(X_train, y_train)
    y_pred_val = model.predict(X_val)
    metrics_val = {"val_accuracy": accuracy_score(y_val, y_pred_val), "val_f1_score": f1_score(y_val, y_pred_val)}

    with mlflow.start_run():
        for metric in metrics_val:
            mlflow.log_metric(metric, metrics_val[metric])
        mlflow.log_param("Regularization", 0.0001)
        mlflow.set_tag("Data", "../data/penguins.csv")
        mlflow.sklearn.log_model(model, "log_reg")


@flow
def main():
    mlflow.set_tracking_uri("http://127.0.0.1:5000")
    mlflow.set_experiment("test")
    df = pull_data("../data/penguins.csv")
    df_enc = preprocess_data(df)
    X_train, X_val, y_train, y_val = get_train_val_datasets(df_enc)
    train_log_reg(X_train, X_val, y_train, y_val, 0.0001)


main()
