from src.steps.preprocessing import preprocess_data
from src.steps.training import train_models
from src.steps.evaluation import evaluate_model
from src.steps.mlflow_tracking import setup_mlflow, log_experiment


def run_pipeline():
    print("Starting Airbnb MLOps Pipeline")

    setup_mlflow()

    print("Step 1: Preprocessing data...")
    X_train, X_test, y_train, y_test = preprocess_data()
    print(f"   Training set shape: X={X_train.shape}, y={y_train.shape}")

    print("Step 2: Starting model training...")
    model = train_models(X_train, y_train)

    metrics = evaluate_model(model, X_test, y_test)

    params = {
        "n_estimators": 100,
        "random_state": 42,
        "n_jobs": -1,
        "model_type": "RandomForestRegressor"
    }
    log_experiment(model, metrics, params)

    print("Pipeline completed successfully!")
    print("   Model: artifacts/price_model.pkl")
    print("   Next: python -m src.api.app")


if __name__ == "__main__":
    run_pipeline()
