import subprocess


def trigger_retrain():
    # trigger the retrain pipeline through Prefect
    subprocess.run(["prefect", "deploy", "retrain_pipeline"])


def switch_model():
    # optional: use MLflow to switch the model version
    pass
