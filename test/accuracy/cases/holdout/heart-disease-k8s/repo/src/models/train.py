"""Model training with MLflow: logistic regression and random forest."""
from pathlib import Path

import joblib
import mlflow
import mlflow.sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import cross_val_score, train_test_split

from src.utils.preprocessing import HeartDiseasePreprocessor, load_and_preprocess_data


def evaluate_model(y_true, y_pred, y_pred_proba=None):
    metrics = {"accuracy": accuracy_score(y_true, y_pred)}
    if y_pred_proba is not None:
        metrics["roc_auc"] = roc_auc_score(y_true, y_pred_proba)
    return metrics


def train_logistic_regression(X_train, y_train, X_val, y_val, C=1.0, max_iter=1000):
    print("Training Logistic Regression Model")
    model = LogisticRegression(C=C, max_iter=max_iter, random_state=42)
    model.fit(X_train, y_train)
    metrics = evaluate_model(y_val, model.predict(X_val), model.predict_proba(X_val)[:, 1])
    cv_scores = cross_val_score(model, X_train, y_train, cv=5, scoring="accuracy")
    metrics["cv_mean_accuracy"] = cv_scores.mean()
    return model, metrics


def train_random_forest(X_train, y_train, X_val, y_val, n_estimators=100, random_state=42):
    print("Training Random Forest Model")
    model = RandomForestClassifier(n_estimators=n_estimators, random_state=random_state, n_jobs=-1)
    model.fit(X_train, y_train)
    metrics = evaluate_model(y_val, model.predict(X_val), model.predict_proba(X_val)[:, 1])
    cv_scores = cross_val_score(model, X_train, y_train, cv=5, scoring="accuracy")
    metrics["cv_mean_accuracy"] = cv_scores.mean()
    return model, metrics


def main():
    models_dir = Path("models")
    models_dir.mkdir(exist_ok=True)
    X, y = load_and_preprocess_data(Path("data/raw/heart_disease_cleveland.csv"))

    mlflow.set_tracking_uri("file:./mlruns")
    mlflow.set_experiment("heart_disease_prediction")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)

    preprocessor = HeartDiseasePreprocessor()
    X_train_scaled = preprocessor.fit_transform(X_train)
    X_test_scaled = preprocessor.transform(X_test)
    preprocessor.save(models_dir / "preprocessor.pkl")

    with mlflow.start_run(run_name="lr_baseline_80_20_split"):
        model_lr, metrics_lr = train_logistic_regression(X_train_scaled, y_train, X_test_scaled, y_test)
        mlflow.log_metrics(metrics_lr)
        mlflow.sklearn.log_model(model_lr, "model")

    with mlflow.start_run(run_name="rf_baseline_80_20_split"):
        model_rf, metrics_rf = train_random_forest(X_train_scaled, y_train, X_test_scaled, y_test)
        mlflow.log_metrics(metrics_rf)
        mlflow.sklearn.log_model(model_rf, "model")

    if metrics_lr.get("roc_auc", 0) > metrics_rf.get("roc_auc", 0):
        best_model, best_name = model_lr, "logistic_regression"
    else:
        best_model, best_name = model_rf, "random_forest"

    joblib.dump(best_model, models_dir / "production_model.pkl")
    with mlflow.start_run(run_name="production_model"):
        mlflow.log_param("model", best_name)
        mlflow.sklearn.log_model(best_model, "model")


if __name__ == "__main__":
    main()
