import json

from pathlib import Path
from fastapi import APIRouter, HTTPException

from api import logger


router = APIRouter(prefix="/metrics", tags=["Metrics"])


@router.get("")
async def get_metrics():
    try:
        path = Path("models/metrics.json")

        if not path.exists():
            raise HTTPException(status_code=404, detail="No metrics found. Run training first.")

        with open(path) as f:
            metrics = json.load(f)

        return {"status": 200, "message": "OK", "data": metrics}

    except HTTPException:
        raise
    except Exception as e:
        logger.error(f"Failed to load metrics: {e}")
        raise HTTPException(status_code=500, detail=str(e))
