from fastapi import FastAPI

from app.api.routers.recommendations import router


def init_rest_api(app: FastAPI) -> None:
    app.include_router(router)
