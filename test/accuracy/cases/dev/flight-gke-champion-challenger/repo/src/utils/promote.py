"""MLflow model promotion utility."""
import os

import mlflow
from mlflow.tracking import MlflowClient


def get_mlflow_client():
    tracking_uri = os.environ.get("MLFLOW_TRACKING_URI", "http://localhost:5000")
    mlflow.set_tracking_uri(tracking_uri)
    return MlflowClient(tracking_uri)


def promote_model(model_name, version, target_alias="champion"):
    client = get_mlflow_client()
    client.set_registered_model_alias(model_name, target_alias, version)
    print(f"Model '{model_name}' v{version} promoted to alias '{target_alias}'")
    return {"model_name": model_name, "version": version, "alias": target_alias}


def get_champion_version(model_name):
    client = get_mlflow_client()
    try:
        mv = client.get_model_version_by_alias(model_name, "champion")
        return mv.version
    except Exception:
        return None


def get_latest_version(model_name):
    client = get_mlflow_client()
    versions = client.get_latest_versions(model_name)
    if versions:
        return max(versions, key=lambda v: int(v.version)).version
    return None


def archive_model(model_name, version):
    client = get_mlflow_client()
    try:
        client.set_registered_model_alias(model_name, f"archived-v{version}", version)
    except Exception as e:
        print(f"Warning: could not archive model: {e}")


def swap_champion(model_name, new_version):
    old_champ = get_champion_version(model_name)
    if old_champ:
        archive_model(model_name, old_champ)
    return promote_model(model_name, new_version, "champion")
