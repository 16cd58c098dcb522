"""FastAPI UI that calls the Seldon Core v1 inference API."""
import logging
import os

import httpx
from fastapi import FastAPI, Form, HTTPException

logging.basicConfig(level=os.getenv("LOG_LEVEL", "INFO"))
logger = logging.getLogger(__name__)

app = FastAPI(title="Sentiment Analyzer")

SELDON_HOST = os.getenv("SELDON_HOST", "localhost")
SELDON_PORT = os.getenv("SELDON_PORT", "8080")
SELDON_API_URL = f"http://{SELDON_HOST}:{SELDON_PORT}/api/v1.0/predictions"


@app.post("/analyze")
async def analyze_sentiment(text: str = Form("")):
    if not text or not text.strip():
        return {"error": "Please enter some text to analyze."}
    try:
        prediction = await call_seldon_api(text)
        return {"result": prediction}
    except Exception as e:
        logger.error(f"Error during analysis: {e}")
        return {"error": f"Error analyzing sentiment: {str(e)}"}


async def call_seldon_api(text: str) -> dict:
    payload = {"data": {"ndarray": [[text]]}}
    try:
        async with httpx.AsyncClient(timeout=30.0) as client:
            response = await client.post(SELDON_API_URL, json=payload)
            response.raise_for_status()
            return response.json()
    except httpx.RequestError as e:
        logger.error(f"Failed to connect to Seldon API: {e}")
        raise HTTPException(status_code=503, detail=f"Cannot connect to Seldon API at {SELDON_API_URL}: {str(e)}") from e


@app.get("/health")
async def health_check():
    return {"status": "healthy", "service": "sentiment-analyzer-ui"}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host=os.getenv("FASTAPI_HOST", "0.0.0.0"), port=int(os.getenv("FASTAPI_PORT", "8000")))
