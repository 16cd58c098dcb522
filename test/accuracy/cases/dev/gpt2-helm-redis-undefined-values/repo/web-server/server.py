import os
import json
import requests

import redis
import httpx

from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI(title="Web Server")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

REDIS_HOST = os.environ.get("REDIS_HOST", "localhost")
REDIS_PORT = os.environ.get("REDIS_PORT", "6379")
REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD", "")
MODEL_SERVER_URL = os.environ.get("MODEL_SERVER_URL", "http://0.0.0.0:80")


@app.on_event("startup")
async def initialize():
    global redis_pool
    redis_pool = redis.ConnectionPool(
        host=REDIS_HOST, port=REDIS_PORT, password=REDIS_PASSWORD, db=0, decode_responses=True
    )


def get_redis():
    return redis.Redis(connection_pool=redis_pool)


async def check_cached(text: str):
    cache = get_redis()
    data = cache.get(text)
    return json.loads(data) if data else None


@app.post("/gpt-2-text-generation")
async def text_generation(inpt_text: str):
    infer_cache = await check_cached(inpt_text)

    if infer_cache == None:
        async with httpx.AsyncClient() as client:
            try:
                url = f"{MODEL_SERVER_URL}/infer?inpt_text={inpt_text}"
                headers = {'accept': 'application/json'}
                response = requests.request("POST", url, headers=headers, data={})
                response.raise_for_status()
                return response.text
            except Exception as e:
                print(f"ERROR :: {e}")
                raise HTTPException(status_code=500, detail="Error from Model Endpoint")

    return infer_cache
