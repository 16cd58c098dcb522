from fastapi import APIRouter
from schemas import PredictPayload
import config as cfg
import pickle
import pandas as pd

router = APIRouter(prefix="/api")

# The label encoder is loaded once, not on every request
with open(f"{cfg.DATA_DIR}/label_encoder.pkl", "rb") as f:
    label_encoder = pickle.load(f)


@router.post("/{version}/predict")
def predict(version: str, payload: PredictPayload):
    if version not in ["v1", "v2"]:
        return {"error": f"Version {version} does not exist. Use v1 or v2"}

    model_path = f"{cfg.MODELS_DIR}/model_{version}.pkl"
    with open(model_path, "rb") as f:
        loaded_model = pickle.load(f)

    input_data = pd.DataFrame([payload.model_dump(by_alias=True)])

    prediction = loaded_model.predict(input_data)[0]
    probabilities = loaded_model.predict_proba(input_data)[0]
    confidence = probabilities.max()

    label = label_encoder.inverse_transform([prediction])[0]

    return {"prediction": label, "confidence": float(confidence)}
