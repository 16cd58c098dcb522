import os

import redis
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from transformers import pipeline, set_seed

app = FastAPI(title="Model Server")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

GPT_MODEL = os.environ.get("TIMM_MODEL", "gpt2")
REDIS_HOST = os.environ.get("REDIS_HOST", "localhost")
REDIS_PORT = os.environ.get("REDIS_PORT", "6379")
REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD", "")


@app.on_event("startup")
async def initialize():
    global model
    print(f"loading model {GPT_MODEL=}...")
    model = pipeline('text-generation', model=GPT_MODEL)
    print(f"loaded model {GPT_MODEL=}")

    global redis_pool
    redis_pool = redis.ConnectionPool(
        host=REDIS_HOST, port=REDIS_PORT, password=REDIS_PASSWORD, db=0, decode_responses=True
    )


def predict(inp_text: str):
    set_seed(42)
    result = model(inp_text, max_length=30, num_return_sequences=5)
    return result


@app.post("/infer")
async def infer(inpt_text):
    predictions = predict(inpt_text)
    return predictions
