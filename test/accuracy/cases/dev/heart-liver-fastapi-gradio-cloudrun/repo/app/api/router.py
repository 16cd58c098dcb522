from fastapi import APIRouter, Depends
from app.api import heart
from app.auth.dependencies.token_utils import verify_jwt

api_router = APIRouter( prefix="/api", dependencies = [ Depends( verify_jwt ) ] )
api_router.include_router( heart.router, tags = [ "Heart" ] )
