import os
import sys
from mlflow.tracking import MlflowClient

MLFLOW_TRACKING_URI = os.getenv("MLFLOW_TRACKING_URI", "http://mlflow_server:5000")
MODEL_NAME = "giga-flow-sentiment"
CHAMPION_ALIAS = "champion"


def promote_model(new_run_id):
    """Promote the new model if its accuracy beats the current champion's."""
    if not new_run_id:
        print("Error: No MLFLOW_RUN_ID specified.")
        sys.exit(1)

    client = MlflowClient(tracking_uri=MLFLOW_TRACKING_URI)

    try:
        new_run = client.get_run(new_run_id)
        new_accuracy = new_run.data.metrics.get("accuracy", 0)
        versions = client.search_model_versions(f"run_id='{new_run_id}'")
        if not versions:
            print(f"Error: No model version found for run_id={new_run_id}")
            sys.exit(1)
        new_version = versions[0]
    except Exception as e:
        print(f"Error fetching new model data: {e}")
        sys.exit(1)

    current_champion_accuracy = 0.0
    try:
        current_champion = client.get_registered_model_alias(MODEL_NAME, CHAMPION_ALIAS)
        champion_run = client.get_run(current_champion.run_id)
        current_champion_accuracy = champion_run.data.metrics.get("accuracy", 0)
    except Exception:
        print(f"No model currently has the '{CHAMPION_ALIAS}' alias. This new model will become the champion.")

    if new_accuracy > current_champion_accuracy:
        client.set_registered_model_alias(name=MODEL_NAME, alias=CHAMPION_ALIAS, version=new_version.version)
        print("Promotion successful.")
    else:
        print("New model is not better than the current champion. No promotion.")


if __name__ == "__main__":
    promote_model(os.getenv("NEW_RUN_ID"))
