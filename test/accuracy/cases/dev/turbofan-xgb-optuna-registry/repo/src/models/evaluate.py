import pandas as pd
import numpy as np
from sklearn.metrics import mean_squared_error, mean_absolute_error, r2_score
import mlflow
import mlflow.xgboost
from pathlib import Path


def prepare_features_target(data):
    exclude_cols = ['unit', 'cycle', 'RUL']
    feature_cols = [col for col in data.columns if col not in exclude_cols]
    return data[feature_cols], data['RUL']


def calculate_metrics(y_true, y_pred):
    return {
        'rmse': np.sqrt(mean_squared_error(y_true, y_pred)),
        'mae': mean_absolute_error(y_true, y_pred),
        'r2': r2_score(y_true, y_pred),
        'mape': np.mean(np.abs((y_true - y_pred) / y_true)) * 100
    }


def main():
    print("MODEL EVALUATION ON TEST DATA")
    try:
        # Load model directly from latest run instead of registry
        client = mlflow.tracking.MlflowClient()
        experiment = client.get_experiment_by_name("turbofan_rul_tuning")
        runs = client.search_runs(
            experiment_ids=[experiment.experiment_id],
            filter_string="tags.mlflow.runName = 'best_model'",
            order_by=["start_time DESC"],
            max_results=1
        )
        if not runs:
            print("No 'best_model' run found. Run training first.")
            return
        run_id = runs[0].info.run_id
        model = mlflow.xgboost.load_model(f"runs:/{run_id}/model")
    except Exception as e:
        print(f"Error loading model: {e}")
        print("Make sure you've trained and registered a model first")
        return

    test_data = pd.read_csv('data/processed/test_FD001_processed.csv')
    X_test, y_test = prepare_features_target(test_data)

    y_pred = model.predict(X_test)
    metrics = calculate_metrics(y_test, y_pred)
    print(f"RMSE:  {metrics['rmse']:.2f}")

    predictions_df = pd.DataFrame({
        'actual_RUL': y_test,
        'predicted_RUL': y_pred,
    })
    Path('reports').mkdir(parents=True, exist_ok=True)
    predictions_df.to_csv('reports/test_predictions.csv', index=False)

    with mlflow.start_run(run_name="test_evaluation"):
        mlflow.log_metrics({f'test_{k}': v for k, v in metrics.items()})


if __name__ == "__main__":
    main()
