import datetime
from datetime import timezone
import logging
from fastapi import FastAPI
from app.core.model_cache import model_cache
from contextlib import asynccontextmanager
from app.models.model_loader import load_all
from app.routers import predict_router

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI):
    # load the artifacts at start-up
    try:
        artifacts = load_all()
        model_cache.update(artifacts)
        logger.info("models loaded")
    except Exception as e:
        logger.error(f"model initialisation failed: {str(e)}")
        raise RuntimeError(f"Failed to initialize models: {str(e)}") from e
    yield

    logger.info("shutting down")
    model_cache.clear()

app = FastAPI(
    title="Press (hydraulic pump) fault prediction API",
    description="Predicts pump faults from upper/lower vibration and current time series.",
    lifespan=lifespan
)


@app.get("/", tags=["Root"])
async def root():
    return {"message": "Hello World"}

app.include_router(predict_router.router)


@app.get("/health")
async def health():
    return {"status": "healthy", "timestamp": datetime.datetime.now(timezone.utc)}


@app.get("/ready")
async def ready():
    models_loaded = all(key in model_cache for key in ["model", "scaler", "threshold"])
    return {"status": "ready" if models_loaded else "not ready", "models_loaded": models_loaded}


@app.get("/startup")
async def startup():
    return {"status": "started", "initialization_complete": True}
