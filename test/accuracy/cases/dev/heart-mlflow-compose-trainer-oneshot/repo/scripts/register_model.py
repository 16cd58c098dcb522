import os

import mlflow

mlflow_uri = os.environ["MLFLOW_TRACKING_URI"]


def register_best_model(model_name):
    mlflow.set_tracking_uri(mlflow_uri)
    runs = mlflow.search_runs(
        experiment_names=["heart_disease_prediction"],
        order_by=["metrics.f1 DESC"],
    )
    best_run_id = runs.iloc[0]["run_id"]
    print("Best run ID:", best_run_id)

    model_uri = f'runs:/{best_run_id}/model'
    with mlflow.start_run(run_id=best_run_id):
        mlflow.register_model(model_uri=model_uri, name=model_name)


if __name__ == "__main__":
    register_best_model('heart_disease_prediction')
