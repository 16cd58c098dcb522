import argparse

import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import GridSearchCV


def train_model_random_forest(X_train, y_train):
    model = RandomForestClassifier(random_state=42, n_estimators=100)
    param_grid = {'n_estimators': [50, 100, 200], 'max_depth': [None, 10, 20]}
    grid_search = GridSearchCV(model, param_grid, cv=5, n_jobs=-1, scoring='roc_auc')
    return grid_search.fit(X_train, y_train).best_estimator_


def train_model_gradient_boosting(X_train, y_train):
    model = GradientBoostingClassifier(random_state=42, n_estimators=100)
    param_grid = {'learning_rate': [0.01, 0.1, 0.2], 'max_depth': [3, 5, 7]}
    grid_search = GridSearchCV(model, param_grid, cv=5, n_jobs=-1, scoring='roc_auc')
    return grid_search.fit(X_train, y_train).best_estimator_


def train_model_logistic_regression(X_train, y_train):
    model = LogisticRegression(random_state=42, max_iter=1000)
    grid_search = GridSearchCV(model, {'C': [0.01, 0.1, 1, 10]}, cv=5, n_jobs=-1, scoring='roc_auc')
    return grid_search.fit(X_train, y_train).best_estimator_


def evaluate_model(model, X_test, y_test):
    y_pred = model.predict(X_test)
    y_proba = model.predict_proba(X_test)[:, 1]
    print("Classification Report:")
    print(classification_report(y_test, y_pred))
    auc_score = roc_auc_score(y_test, y_proba)
    print(f"ROC AUC Score: {auc_score:.4f}")
    return {"roc_auc_score": auc_score}


def log_to_mlflow(model, model_name, metrics):
    import mlflow
    mlflow.set_tracking_uri("http://localhost:5000")  # Update with EC2 MLflow server URI later
    mlflow.set_experiment("Churn Prediction Models")

    with mlflow.start_run(run_name=model_name):
        mlflow.sklearn.log_model(model, artifact_path=model_name)
        mlflow.log_params(model.get_params())
        mlflow.log_metric("roc_auc_score", metrics["roc_auc_score"])


def run_experiment(X_train, y_train, X_test, y_test):
    rf_model = train_model_random_forest(X_train, y_train)
    gb_model = train_model_gradient_boosting(X_train, y_train)
    lr_model = train_model_logistic_regression(X_train, y_train)

    rf_metrics = evaluate_model(rf_model, X_test, y_test)
    gb_metrics = evaluate_model(gb_model, X_test, y_test)
    lr_metrics = evaluate_model(lr_model, X_test, y_test)

    log_to_mlflow(rf_model, "RandomForestClassifier", rf_metrics)
    log_to_mlflow(gb_model, "GradientBoostingClassifier", gb_metrics)
    log_to_mlflow(lr_model, "LogisticRegression", lr_metrics)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--data-dir', type=str, default='preprocessed_data')
    args = parser.parse_args()
    X_train = pd.read_csv(f"{args.data_dir}/X_train.csv")
    y_train = pd.read_csv(f"{args.data_dir}/y_train.csv").squeeze()
    X_test = pd.read_csv(f"{args.data_dir}/X_test.csv")
    y_test = pd.read_csv(f"{args.data_dir}/y_test.csv").squeeze()

    run_experiment(X_train, y_train, X_test, y_test)
