import warnings
from pathlib import Path

import joblib
import mlflow
import mlflow.sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

from src.features.build_features import build_preprocessing_pipeline, get_feature_matrix_and_target, load_processed_data

warnings.filterwarnings("ignore")

BASE_DIR = Path(__file__).resolve().parents[2]
MODELS_DIR = BASE_DIR / "models"
MODELS_DIR.mkdir(exist_ok=True)


def train_and_evaluate(model, X_train, X_test, y_train, y_test):
    pipeline = Pipeline(steps=[("preprocessor", build_preprocessing_pipeline(X_train)), ("clf", model)])
    pipeline.fit(X_train, y_train)
    return pipeline, {"f1": f1_score(y_test, pipeline.predict(X_test))}


def log_run_to_mlflow(name, model, pipeline, metrics):
    with mlflow.start_run(run_name=name):
        for k, v in model.get_params().items():
            if isinstance(v, (int, float, str, bool)):
                mlflow.log_param(k, v)
        for m_name, m_value in metrics.items():
            mlflow.log_metric(m_name, float(m_value))
        mlflow.sklearn.log_model(sk_model=pipeline, artifact_path="model")


def main():
    mlflow.set_experiment("telco-churn-mlops")
    df = load_processed_data()
    X, y = get_feature_matrix_and_target(df)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)

    models = {
        "log_reg": LogisticRegression(max_iter=1000, class_weight="balanced", n_jobs=-1),
        "random_forest": RandomForestClassifier(n_estimators=300, class_weight="balanced", n_jobs=-1, random_state=42),
    }

    best_name, best_pipeline, best_f1 = None, None, -1.0
    for name, model in models.items():
        pipeline, metrics = train_and_evaluate(model, X_train, X_test, y_train, y_test)
        print(f"Metrics for {name}: {metrics}")
        log_run_to_mlflow(name, model, pipeline, metrics)
        if metrics["f1"] > best_f1:
            best_f1 = metrics["f1"]
            best_name, best_pipeline = name, pipeline

    joblib.dump(best_pipeline, MODELS_DIR / f"best_model_{best_name}.joblib")
    print(f"Best model: {best_name} (F1 {best_f1:.4f})")


if __name__ == "__main__":
    main()
