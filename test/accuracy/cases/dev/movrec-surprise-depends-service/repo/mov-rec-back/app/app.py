from fastapi import FastAPI

from api import data_load, recommend

app = FastAPI()
app.include_router(data_load.router)
app.include_router(recommend.router)
