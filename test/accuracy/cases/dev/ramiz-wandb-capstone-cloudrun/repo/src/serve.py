import os
import glob
import shutil

import joblib
import pandas as pd
import wandb
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel

app = FastAPI(title="Capstone inference service")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:8501", "http://127.0.0.1:8501"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

WANDB_PROJECT = os.environ.get("WANDB_PROJECT", "MLOPS-CAPSTONE")
WANDB_ENTITY = os.environ.get("WANDB_ENTITY", "capstone-team")
MODEL_LOCAL_PATH = "model.joblib"
MODEL_INFO = {}


def download_latest_model():
    api = wandb.Api()
    artifact = api.artifact(f"{WANDB_ENTITY}/{WANDB_PROJECT}/model:latest")
    artifact_dir = artifact.download(root="tmp_model")
    files = glob.glob(os.path.join(artifact_dir, "*.joblib")) + glob.glob(os.path.join(artifact_dir, "*.pkl"))
    if not files:
        raise FileNotFoundError("No model file found in downloaded artifact")
    shutil.copy(files[0], MODEL_LOCAL_PATH)
    try:
        MODEL_INFO.update({"name": artifact.name, "aliases": artifact.aliases})
    except Exception:
        pass
    print(f"Model downloaded from W&B to {MODEL_LOCAL_PATH}")


@app.on_event("startup")
def startup_event():
    try:
        download_latest_model()
    except Exception as e:
        print("Warning: could not download model at startup:", e)


class PredictRequest(BaseModel):
    inputs: list
    include_explanations: bool = False
    top_k: int = 5


@app.get("/health")
def health():
    return {"status": "ok"}


@app.post("/predict")
def predict(req: PredictRequest):
    if not os.path.exists(MODEL_LOCAL_PATH):
        return {"error": "Model not found. Please retrain or download it."}
    try:
        model = joblib.load(MODEL_LOCAL_PATH)
        X = pd.DataFrame(req.inputs)
        preds = model.predict(X).tolist()
        resp = {"predictions": preds}
        if req.include_explanations:
            try:
                import shap

                explainer = shap.TreeExplainer(model.named_steps["rf"])
                shap_vals = explainer.shap_values(X)
                top_k = max(1, int(req.top_k))
                resp["explanations"] = [sorted(range(len(r)), key=lambda i: abs(r[i]), reverse=True)[:top_k] for r in shap_vals]
            except Exception as e:
                resp["explanations_error"] = str(e)
        return resp
    except Exception as e:
        print("Prediction error:", e)
        return {"error": str(e)}


@app.get("/model_info")
def model_info():
    info = {"model_exists": os.path.exists(MODEL_LOCAL_PATH)}
    info.update(MODEL_INFO or {})
    return info
