"""Registry helpers (reduced)."""
import shutil


def get_model_registry_path(version):
    return f"/models/registry/{version}/model.pkl"


def download_from_registry(registry_path, model_path):
    shutil.copy(registry_path, model_path)
