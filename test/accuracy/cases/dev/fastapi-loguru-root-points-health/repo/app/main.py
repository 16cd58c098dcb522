from loguru import logger
from fastapi import FastAPI, Request, Depends, HTTPException
from fastapi.responses import JSONResponse
from .schemas import PredictionResults, InputSchema, column_map
from services.load_pipeline import load_pipeline
import sys
from uuid import uuid4
import time
import pandas as pd
from contextlib import asynccontextmanager

logger.remove()
logger.add(
    sys.stderr,
    level="DEBUG",
    format="{time} | {level} | id={extra[request_id]} - {message}",
    colorize=True,
    backtrace=True,
    diagnose=True,
    enqueue=True,
)


@asynccontextmanager
async def lifespan(_app: FastAPI):
    with logger.contextualize(request_id="lifespan"):
        logger.info("Starting lifespan")
        try:
            _app.state.pipeline = load_pipeline()
            yield
        finally:
            _app.state.pipeline = None
            logger.info("Ending lifespan")


app = FastAPI(lifespan=lifespan)


def get_pipeline(request: Request):
    pipeline = getattr(request.app.state, "pipeline", None)
    if pipeline is None:
        raise HTTPException(
            status_code=503,
            detail="Pipeline has not beed loaded yet. Please try again later.",
        )
    return pipeline


@app.middleware("http")
async def log_requests(request: Request, call_next):
    req_id = str(uuid4())
    with logger.contextualize(request_id=req_id):
        start_time = time.perf_counter()
        logger.info(f"Started {request.method} {request.url}")
        try:
            response = await call_next(request)
        except Exception as e:
            logger.exception(f"Exception occurred {request.method} {request.url} - {e}")
            response = JSONResponse(
                status_code=500,
                content={"detail": "Internal Server Error"},
            )
        elapsed_time = (time.perf_counter() - start_time) * 1000
        logger.info(f"Completed {request.method} {request.url.path} in {elapsed_time:.2f}ms")
        return response


@app.get("/")
async def root():
    return {
        "message": (
            "Check API endpoint `/health` to see if pipeline is "
            "loaded and ready to predictions!"
        )
    }


@app.get("/health")
async def health_check(pipeline=Depends(get_pipeline)) -> dict:
    if not pipeline:
        return {"status": "No pipeline loaded yet"}
    return {"status": "Ready for predictions"}


@app.post("/predict", response_model=PredictionResults)
async def predict(
    input_data: InputSchema,
    pipeline=Depends(get_pipeline),
) -> PredictionResults:
    data_df = pd.DataFrame([input_data.model_dump()])
    data_df_mapped = data_df.rename(columns=column_map)
    try:
        pred = pipeline.predict(data_df_mapped)[0]
        prob = pipeline.predict_proba(data_df_mapped)[0, 1]
        return PredictionResults(prediction=pred, probability=prob)
    except Exception as e:
        logger.exception(f"Exception occurred while predicting values -  {e}")
        raise
