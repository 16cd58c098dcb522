from fastapi import FastAPI
from routes.rag import router

app = FastAPI()
app.include_router(router)


@app.get("/")
def hello_world():
    return {"message": "OK"}
