"""FastAPI application for credit default risk scoring."""
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from app.config import API_TITLE, API_VERSION, MODEL_VERSION
from app.model import CreditRiskModel
from app.schemas import BatchPredictionRequest, BatchPredictionResponse, CreditApplication, HealthResponse, PredictionResponse

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)

model: CreditRiskModel | None = None


# Load the model once, when the process starts (per request would add the cost to every call,
# at import time would break the test client).
@asynccontextmanager
async def lifespan(app: FastAPI):
    global model
    try:
        model = CreditRiskModel()
        logger.info("Model loaded at startup")
    except Exception as exc:  # noqa: BLE001
        logger.error("Failed to load model: %s", exc)
        model = None
    yield
    model = None


app = FastAPI(title=API_TITLE, version=API_VERSION, lifespan=lifespan)

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


# The default 422 echoes rejected values (applicant data) back; keep only loc, msg and type.
@app.exception_handler(RequestValidationError)
async def validation_error_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [{"type": e["type"], "loc": e["loc"], "msg": e["msg"]} for e in exc.errors()]
    return JSONResponse(status_code=422, content={"detail": jsonable_encoder(errors)})


@app.get("/health", response_model=HealthResponse, tags=["Health"])
async def health_check():
    """Report whether the service can serve predictions right now."""
    ready = model is not None and model.is_loaded()
    return HealthResponse(status="healthy" if ready else "unhealthy", model_loaded=ready, model_version=MODEL_VERSION)


MODEL_NOT_READY = "Model is not loaded; the service cannot score yet"


def _require_model() -> CreditRiskModel:
    if model is None or not model.is_loaded():
        raise HTTPException(status_code=503, detail=MODEL_NOT_READY)
    return model


@app.post("/predict", response_model=PredictionResponse, tags=["Prediction"])
async def predict(application: CreditApplication):
    """Score one applicant and return the underwriting decision."""
    scorer = _require_model()
    try:
        result = scorer.score(application.model_dump())
    except Exception as exc:  # noqa: BLE001
        # log the stack trace, but do not echo internals (or applicant data) to the caller
        logger.exception("Scoring failed for /predict")
        raise HTTPException(status_code=500, detail="Internal error while scoring") from exc
    return PredictionResponse(**result)


@app.post("/predict/batch", response_model=BatchPredictionResponse, tags=["Prediction"])
async def predict_batch(request: BatchPredictionRequest):
    """Score up to 500 applicants in one call."""
    scorer = _require_model()
    payloads = [application.model_dump() for application in request.applications]
    try:
        results = scorer.score_batch(payloads)
    except Exception as exc:  # noqa: BLE001
        logger.exception("Scoring failed for /predict/batch (%d applications)", len(payloads))
        raise HTTPException(status_code=500, detail="Internal error while scoring") from exc
    predictions = [PredictionResponse(**result) for result in results]
    return BatchPredictionResponse(predictions=predictions, total_count=len(predictions))


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("app.main:app", host="0.0.0.0", port=8000, reload=True)
