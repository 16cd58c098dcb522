"""FastAPI app serving a small reasoning LLM behind an API key, with an in-memory cache."""
import os
import logging
from logging.handlers import TimedRotatingFileHandler
from fastapi import FastAPI, HTTPException, Depends
from fastapi.security.api_key import APIKeyHeader
from pydantic import BaseModel
from dotenv import load_dotenv

from model import generate_reasoning_and_answer
from cache import Cache

load_dotenv()

os.makedirs("logs", exist_ok=True)
logging.basicConfig(level=logging.INFO)
handler = TimedRotatingFileHandler(os.path.join("logs", "app.log"), when="midnight", backupCount=30)
handler.setFormatter(logging.Formatter("%(asctime)s - %(levelname)s - %(message)s"))
logger = logging.getLogger()
logger.addHandler(handler)

app = FastAPI()

cache = Cache(ttl=500)

API_KEY = os.getenv("AUTH_KEY")
api_key_header = APIKeyHeader(name="X-API-KEY", auto_error=True)


def verify_api_key(api_key: str = Depends(api_key_header)):
    if api_key != API_KEY:
        logger.warning(f"Unauthorized access attempt with API key: {api_key}")
        raise HTTPException(status_code=403, detail="Invalid API Key")
    return api_key


class InputText(BaseModel):
    text: str


@app.post("/predict/")
async def predict(user_input: InputText, api_key: str = Depends(verify_api_key)):
    cached = cache.get(user_input.text)
    if cached:
        logger.info(f"Cache hit for request: {user_input.text}")
        return {"result": cached}

    try:
        result = generate_reasoning_and_answer(user_input.text)
        logger.info(f"Generated answer for request: {user_input.text}")
    except Exception as exp:
        logger.error(f"Error while generating answer. Request: {user_input.text} Error: {exp}")
        result = "Something went wrong. Please try again in a while."

    cache.set(user_input.text, result)
    return {"result": result}


@app.get("/health/")
async def health(api_key: str = Depends(verify_api_key)):
    logger.info("Health check endpoint called.")
    return {"status": "ok"}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=8000)
