from contextlib import asynccontextmanager

from fastapi import FastAPI

from .auth.routes import auth_router
from .db.main import init_db
from .prediction.routes import prediction_router


@asynccontextmanager
async def lifespan(app: FastAPI):
    await init_db()
    yield


version_prefix = "/api/v1"

app = FastAPI(
    title="MLOps",
    openapi_url=f"{version_prefix}/openapi.json",
    docs_url=f"{version_prefix}/docs",
    debug=True,
    lifespan=lifespan,
)

app.include_router(
    prediction_router, prefix=f"{version_prefix}/predict", tags=["predict"]
)
app.include_router(auth_router, prefix=f"{version_prefix}/auth", tags=["auth"])
