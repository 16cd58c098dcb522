from fastapi import FastAPI

from core.database import create_db_and_tables
from routes import models_router, predictions_router, user_router

app = FastAPI(title="My App")

app.include_router(predictions_router)
app.include_router(models_router)
app.include_router(user_router)


@app.on_event("startup")
async def on_startup():
    await create_db_and_tables()
