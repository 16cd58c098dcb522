from fastapi import FastAPI
from contextlib import asynccontextmanager
from loguru import logger
from sqlmodel import SQLModel

from config import config
from database import engine
from dependencies import load_model
from api import router


@asynccontextmanager
async def lifespan(app: FastAPI):
    # create tables, then load the model once
    logger.info('Creating database table')
    SQLModel.metadata.create_all(engine)

    logger.info('Loading model')
    load_model(config.model_path)
    yield

app = FastAPI(lifespan=lifespan)
app.include_router(router)

@app.get('/')
def root():
    return 'Hello World!'


if __name__ == '__main__':
    import uvicorn

    uvicorn.run(app, host='0.0.0.0', port=8000)
