"""FastAPI application entry point."""
import logging
import traceback
import uuid
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from src.app.config import settings

logging.basicConfig(
    level=getattr(logging, settings.log_level.upper(), logging.INFO),
    format='{"time": "%(asctime)s", "level": "%(levelname)s", "message": "%(message)s"}',
)
logger = logging.getLogger(__name__)

_API_KEY: str = settings.api_key  # empty string = disabled


@asynccontextmanager
async def lifespan(app: FastAPI):
    """Load the model before accepting traffic; fail fast if it cannot load."""
    from src.app.dependencies import get_model
    logger.info("Starting up — loading model")
    get_model()
    logger.info("Model loaded successfully")
    yield
    logger.info("Shutting down")


app = FastAPI(title="ML Model Deployment API", version="0.1.0", lifespan=lifespan)


@app.exception_handler(Exception)
async def global_exception_handler(request: Request, exc: Exception) -> JSONResponse:
    logger.error(
        "Unhandled exception",
        extra={"error": str(exc), "traceback": traceback.format_exc()},
    )
    return JSONResponse(status_code=500, content={"detail": "Internal server error. Contact support."})


@app.middleware("http")
async def api_key_middleware(request: Request, call_next):
    exempt = request.url.path in ("/health", "/ready")
    if _API_KEY and not exempt:
        if request.headers.get("X-API-Key") != _API_KEY:
            return JSONResponse(status_code=401, content={"detail": "Unauthorized"})
    return await call_next(request)


@app.middleware("http")
async def request_logging_middleware(request: Request, call_next):
    request_id = str(uuid.uuid4())
    request.state.request_id = request_id
    response = await call_next(request)
    response.headers["X-Request-ID"] = request_id
    return response


from src.app.routes import router  # noqa: E402
app.include_router(router)
