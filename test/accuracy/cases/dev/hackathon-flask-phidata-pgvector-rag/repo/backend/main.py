from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:3000"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.get("/api/data")
def read_root():
    return {"message": "Hi! I'm an app now!"}


@app.get("/api/llm")
def read_llm():
    return {"message": "Neato"}
