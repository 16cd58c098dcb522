from fastapi import FastAPI
from prometheus_fastapi_instrumentator import Instrumentator

from app.api import routes_auth, routes_predict
from app.core.exceptions import register_exception_handlers
from app.middelware.logging_middelware import LoggingMiddelware

app = FastAPI(title='Car Price Prediction API')

app.add_middleware(LoggingMiddelware)

app.include_router(routes_auth.router, tags=['Auth'])
app.include_router(routes_predict.router, tags=["prediction"])

Instrumentator().instrument(app).expose(app)

register_exception_handlers(app)
