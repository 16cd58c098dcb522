from fastapi import APIRouter

from .playlist import router as playlist_router

routers = APIRouter()
routers.include_router(playlist_router)
