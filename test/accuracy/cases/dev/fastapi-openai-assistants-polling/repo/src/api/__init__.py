from fastapi import APIRouter

from src.api import assistants

api_router = APIRouter()
api_router.include_router(assistants.router)
