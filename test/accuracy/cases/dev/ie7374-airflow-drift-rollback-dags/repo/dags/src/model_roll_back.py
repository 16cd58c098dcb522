from mlflow.tracking import MlflowClient
import logging

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)

client = MlflowClient()


def get_current_production_model(model_name):
    versions = client.search_model_versions(f"name='{model_name}'")
    for version in versions:
        if version.current_stage == 'Production':
            return version
    logger.warning(f"No production version found for model: {model_name}")
    return None


def get_previous_model(model_name, current_version):
    all_versions = client.search_model_versions(f"name='{model_name}'")
    sorted_versions = sorted(all_versions, key=lambda x: int(x.version))
    for idx, version in enumerate(sorted_versions):
        if int(version.version) == int(current_version):
            if idx > 0:
                return sorted_versions[idx - 1]
            return None
    return None


def rollback_model(model_name):
    """Roll the current production model back to the previous version."""
    current_model = get_current_production_model(model_name)
    if not current_model:
        logger.error("No current production model to replace.")
        return

    previous_model = get_previous_model(model_name, current_model.version)
    if not previous_model:
        logger.error("No previous model version available for rollback.")
        return

    logger.info(f"Promoting version {previous_model.version} to Production.")
    client.transition_model_version_stage(
        name=model_name,
        version=previous_model.version,
        stage="Production"
    )
    client.transition_model_version_stage(
        name=model_name,
        version=current_model.version,
        stage="Archived"
    )
