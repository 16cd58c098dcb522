import glob
import os

import mlflow
from tensorflow.keras import Model, models

from job_prepr_model.ml_logic.params import LOCAL_REGISTRY_PATH


def load_model(save_copy_locally=False) -> Model:
    """Load the latest saved model, None if there is none."""
    if os.environ.get("MODEL_TARGET") == "mlflow":
        stage = "Production"
        mlflow.set_tracking_uri(os.environ.get("MLFLOW_TRACKING_URI"))
        mlflow_model_name = os.environ.get("MLFLOW_MODEL_NAME")
        model_uri = f"models:/{mlflow_model_name}/{stage}"
        print(f"- uri: {model_uri}")
        try:
            model = mlflow.keras.load_model(model_uri=model_uri)
            print("model loaded from mlflow")
        except:
            print(f"no model in stage {stage} on mlflow")
            return None
        return model

    model_directory = os.path.join(LOCAL_REGISTRY_PATH, "models")
    results = glob.glob(f"{model_directory}/*")
    if not results:
        return None

    model_path = sorted(results)[-1]
    model = models.load_model(model_path)
    print("model loaded from disk")
    return model
