import os
import time

import mlflow.sklearn
import numpy as np
import structlog
import uvicorn
from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from prometheus_client import make_asgi_app

from src.api.schemas import HealthResponse, PredictionRequest, PredictionResponse

logger = structlog.get_logger()


class MLModelService:
    def __init__(self):
        self.model = None
        self.model_version = None
        self.feature_names = [f"feature_{i}" for i in range(10)]
        self.start_time = time.time()

    async def load_model(self):
        try:
            model_name = os.getenv("MODEL_NAME", "production-model")
            stage = os.getenv("MODEL_STAGE", "Production")
            try:
                self.model = mlflow.sklearn.load_model(f"models:/{model_name}/{stage}")
                self.model_version = f"{model_name}:{stage}"
            except Exception:
                logger.warning("Failed to load from registry, trying latest version")
                self.model = mlflow.sklearn.load_model(f"models:/{model_name}/latest")
                self.model_version = f"{model_name}:latest"
        except Exception as e:
            logger.error("Failed to load model", error=str(e))
            from sklearn.ensemble import RandomForestClassifier

            self.model = RandomForestClassifier(n_estimators=10, random_state=42)
            X_dummy = np.random.random((100, 10))
            y_dummy = np.random.choice([0, 1], 100)
            self.model.fit(X_dummy, y_dummy)
            self.model_version = "dummy:v1.0"
            logger.warning("Using dummy model for testing")

    def predict(self, features):
        try:
            feature_array = np.array([features.get(name, 0.0) for name in self.feature_names]).reshape(1, -1)
            prediction = float(self.model.predict(feature_array)[0])
            return {"prediction": prediction, "model_version": self.model_version}
        except Exception as e:
            raise HTTPException(status_code=500, detail=f"Prediction failed: {str(e)}")

    def is_healthy(self):
        return self.model is not None


ml_service = MLModelService()

app = FastAPI(title="ML Model API")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

metrics_app = make_asgi_app()
app.mount("/metrics", metrics_app)


@app.on_event("startup")
async def startup_event():
    logger.info("Starting ML API service")
    await ml_service.load_model()


@app.get("/health", response_model=HealthResponse)
async def health_check():
    return HealthResponse(
        status="healthy" if ml_service.is_healthy() else "unhealthy",
        model_loaded=ml_service.model is not None,
        uptime=time.time() - ml_service.start_time,
    )


@app.post("/predict", response_model=PredictionResponse)
async def predict(request: PredictionRequest):
    if not ml_service.is_healthy():
        raise HTTPException(status_code=503, detail="Model not loaded")
    result = ml_service.predict(request.features)
    return PredictionResponse(prediction=result["prediction"], model_version=result["model_version"])


@app.post("/reload-model")
async def reload_model():
    try:
        await ml_service.load_model()
        return {"status": "model reloaded successfully"}
    except Exception as e:
        raise HTTPException(status_code=500, detail=f"Failed to reload model: {str(e)}")


if __name__ == "__main__":
    host = os.getenv("API_HOST", "0.0.0.0")
    port = int(os.getenv("API_PORT", "8080"))
    uvicorn.run("src.api.app:app", host=host, port=port, reload=False)
