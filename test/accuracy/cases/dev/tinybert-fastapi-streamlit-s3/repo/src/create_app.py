from fastapi import FastAPI

from .v1.configs.swagger import swagger_config


# Build the app in a function to avoid circular imports.
def create_app():
    app = FastAPI(**swagger_config)
    return app
