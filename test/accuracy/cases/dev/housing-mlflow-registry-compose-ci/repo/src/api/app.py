"""
Main Application setup.
"""
import time

from contextlib import asynccontextmanager
from typing import Dict
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from src.utils.config import Settings
from src.utils.logger import setup_logger
from src.models.model_registry import ModelRegistry
import uvicorn


logger = setup_logger(__name__, log_file="./logs/api.log")

settings = Settings()
model_registry = ModelRegistry()

models = {}


@asynccontextmanager
async def lifespan(app: FastAPI):
    """Application lifespan manager."""
    logger.info("Starting MLOps Housing Price Prediction Inference App")

    try:
        list_models = model_registry.list_mlflow_registered_models()

        if not list_models:
            logger.info(f"No Available models found in the registry: {list_models}")
        else:
            logger.info(f"Available models in the registry: {list_models}")

            latest_model_ver = model_registry.get_lastest_model(model_name='housing_price_predictor')
            print(f"latest_model_ver: {latest_model_ver}")

            model_loaded = model_registry.load_model(model_name='housing_price_predictor', model_version=latest_model_ver.version)
            print(f" loading model: housing_price_predictor: {model_loaded}")

            models["main_model"] = model_loaded
            models["main_model_info"] = {
                "name": latest_model_ver.name,
                "version": latest_model_ver.version,
                "uri": "model_uri"
            }
            logger.info("Models loaded successfully")
    except Exception as e:
        logger.error(f"Failed to load models: {e}")

    yield

    logger.info("Shutting down MLOps Housing Price Prediction API Server")

app = FastAPI(
    title="Housing Price Prediction API Server",
    version="1.0",
    docs_url="/docs",
    lifespan=lifespan
)

app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.ALLOWED_ORIGINS,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.middleware("http")
async def metrics_middleware(request, call_next):
    """Middleware to collect request metrics."""
    start_time = time.time()
    response = await call_next(request)
    process_time = time.time() - start_time
    response.headers["X-Process-Time"] = str(process_time)
    return response


@app.get("/", response_model=Dict[str, str])
async def root():
    return {
        "name": "MLOps Housing Price Prediction API Server",
        "version": "1.0",
        "status": "healthy",
        "docs": "/docs"
    }

from . import fast_server  # noqa: E402,F401
if __name__ == "__main__":
    uvicorn.run(
        "src.api.app:app",
        host=settings.HOST,
        port=settings.PORT,
        reload=settings.DEBUG,
        log_level="info"
    )
