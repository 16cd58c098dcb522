import mlflow


def get_latest_run(experiment_name):
    experiment = mlflow.get_experiment_by_name(experiment_name)
    if experiment is None:
        return None
    runs = mlflow.search_runs([experiment.experiment_id], order_by=["start_time DESC"], max_results=1, output_format="list")
    return runs[0] if runs else None
