from fastapi import FastAPI, Query

import main

app = FastAPI()

model = main.AIModel()


@app.get("/")
def root():
    return {"message": "connection online"}


# recommendation endpoint backed by OpenAI and ChromaDB
@app.get("/recommend")
def recommend_bakery(prompt: str = Query()):
    return model.request(prompt)
