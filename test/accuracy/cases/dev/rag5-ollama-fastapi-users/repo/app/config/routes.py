# app/config/routes.py

from fastapi import FastAPI
from models.users import auth_backend, fastapi_users
from models.user_schemas import UserRead, UserCreate, UserUpdate
from endpoints.conversation_endpoints import router as conversation_router


def setup_routes(app: FastAPI) -> FastAPI:
    app.include_router(fastapi_users.get_auth_router(auth_backend), prefix="/auth/jwt", tags=["auth"])
    app.include_router(fastapi_users.get_register_router(UserRead, UserCreate), prefix="/auth", tags=["auth"])
    app.include_router(fastapi_users.get_users_router(UserRead, UserUpdate), prefix="/users", tags=["users"])

    # conversation and message routes
    app.include_router(conversation_router, prefix="/api", tags=["conversations", "messages"])

    return app
