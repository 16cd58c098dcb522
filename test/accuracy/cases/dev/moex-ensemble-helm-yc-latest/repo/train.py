import mlflow

mlflow.set_experiment("sber")
