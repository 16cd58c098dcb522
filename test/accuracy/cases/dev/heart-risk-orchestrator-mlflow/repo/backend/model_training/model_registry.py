import mlflow
from mlflow.tracking import MlflowClient
import os
import joblib

client = MlflowClient()


async def register_top_models(results_df, experiment_name, top_n=5):
    """Register the top N models based on F-Beta score to the model registry."""
    if results_df.empty:
        print("No valid runs to register")
        return

    results_df.sort_values(by="fbeta_1_5", ascending=False, inplace=True)
    top_models = results_df.head(top_n)

    for rank, (idx, row) in enumerate(top_models.iterrows(), start=1):
        run_id = row["run_id"]
        model_name_for_registry = f"{row['model_name']}_{experiment_name}_Rank_{rank}"

        try:
            model_version = mlflow.register_model(
                model_uri=f"runs:/{run_id}/model", name=model_name_for_registry
            )
            client.transition_model_version_stage(
                name=model_name_for_registry,
                version=model_version.version,
                stage="Staging",
                archive_existing_versions=False,
            )
            print(f"Registered model: {model_name_for_registry} (Version: {model_version.version})")
        except Exception as e:
            print(f"Failed to register model: {e}")


async def serialize_and_compress_models(serialized_directory):
    """Serialize all MLflow-registered models using Joblib and store them locally."""
    try:
        models = client.search_registered_models()
        os.makedirs(serialized_directory, exist_ok=True)

        for model in models:
            for version in model.latest_versions:
                model_uri = f"models:/{model.name}/{version.version}"
                model_path = os.path.join(
                    serialized_directory, f"{model.name}_v{version.version}.pkl"
                )

                model = mlflow.sklearn.load_model(model_uri)
                joblib.dump(model, model_path)

    except Exception as e:
        print(f"Failed to serialize models with Joblib: {e}")
        raise


async def clean_model_registry_and_folder(folder_path=None):
    """Empty the MLflow model registry and optionally remove all files in a folder."""
    client = MlflowClient()
    models_deleted = 0
    files_deleted = 0

    try:
        for model in client.search_registered_models():
            model_name = model.name
            for version in client.get_latest_versions(model_name):
                try:
                    client.delete_model_version(name=model_name, version=version.version)
                except Exception as e:
                    print(f"Error deleting model version {version.version} of {model_name}: {e}")
            try:
                client.delete_registered_model(model_name)
                models_deleted += 1
            except Exception as e:
                print(f"Error deleting registered model {model_name}: {e}")
    except Exception as e:
        print(f"Error cleaning model registry: {e}")

    if folder_path and os.path.exists(folder_path):
        try:
            for item in os.listdir(folder_path):
                item_path = os.path.join(folder_path, item)
                if os.path.isfile(item_path):
                    os.unlink(item_path)
                    files_deleted += 1
                elif os.path.isdir(item_path):
                    shutil.rmtree(item_path)
                    files_deleted += 1
        except Exception as e:
            print(f"Error cleaning folder {folder_path}: {e}")

    return models_deleted, files_deleted
