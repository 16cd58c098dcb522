from fastapi import APIRouter
from app.api.v1.endpoints import health, pipelines

api_router = APIRouter()
api_router.include_router(health.router, prefix="/health", tags=["health"])
api_router.include_router(pipelines.router, prefix="/processing", tags=["processing"])
