from fastapi import FastAPI
from routes import router
from ML_pipeline import train_models
import os
import config as cfg

app = FastAPI(title="Car price band prediction")


@app.on_event("startup")
def startup():
    """Train the models at start-up if they do not exist yet"""

    model_v1 = os.path.join(cfg.MODELS_DIR, "model_v1.pkl")
    model_v2 = os.path.join(cfg.MODELS_DIR, "model_v2.pkl")

    if not (os.path.exists(model_v1) and os.path.exists(model_v2)):
        print("Training the models")
        train_models()
        print("Models trained")
    else:
        print("The models already exist")


app.include_router(router)
