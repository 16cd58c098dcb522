import mlflow
from mlflow.tracking import MlflowClient


def get_best_run(experiment_name="turbofan_rul_prediction", metric="val_rmse"):
    client = MlflowClient()
    experiment = client.get_experiment_by_name(experiment_name)
    if experiment is None:
        print(f"Experiment '{experiment_name}' not found")
        return None
    runs = client.search_runs(
        experiment_ids=[experiment.experiment_id],
        order_by=[f"metrics.{metric} ASC"],
        max_results=1
    )
    if not runs:
        print("No runs found in experiment")
        return None
    return runs[0]


def register_best_model(experiment_name="turbofan_rul_prediction",
                        model_name="turbofan_rul_xgboost",
                        metric="val_rmse"):
    client = MlflowClient()
    best_run = get_best_run(experiment_name, metric)
    if best_run is None:
        return

    run_id = best_run.info.run_id
    val_rmse = best_run.data.metrics.get('val_rmse', 'N/A')
    model_uri = f"runs:/{run_id}/model"

    try:
        mv = mlflow.register_model(model_uri, model_name)
        client.transition_model_version_stage(
            name=model_name,
            version=mv.version,
            stage="Staging"
        )
        client.update_model_version(
            name=model_name,
            version=mv.version,
            description=f"XGBoost model for RUL prediction. Val RMSE: {val_rmse}"
        )
        print(f"Model {model_name} version {mv.version} is in Staging")
    except Exception as e:
        print(f"Error registering model: {e}")


if __name__ == "__main__":
    register_best_model()
