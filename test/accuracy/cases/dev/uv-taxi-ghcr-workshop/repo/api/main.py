from time import perf_counter

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from mlflow.exceptions import MlflowException

from api.dependencies import PERFORMANCE_SUMMARY_PATH, get_predictor
from api.schemas import HealthResponse, PredictionRequest, PredictionResponse
from monitoring.metrics import (
    API_REQUEST_LATENCY,
    API_REQUESTS,
    normalize_request_path,
    observe_prediction,
    render_metrics,
)
from serving.predictor import TaxiDemandPredictor

app = FastAPI(title="BCC Taxi Demand API")


# count requests and latency without turning arbitrary URLs into metric labels
@app.middleware("http")
async def observe_http_request(request: Request, call_next):
    path = normalize_request_path(request.url.path)
    started_at = perf_counter()
    status_code = 500

    try:
        response = await call_next(request)
        status_code = response.status_code
        return response
    finally:
        API_REQUEST_LATENCY.labels(method=request.method, path=path).observe(perf_counter() - started_at)
        API_REQUESTS.labels(method=request.method, path=path, status=str(status_code)).inc()


# the health endpoint only checks that the API process is alive and accepts requests
@app.get("/health", response_model=HealthResponse)
def health() -> HealthResponse:
    return HealthResponse(status="ok")


@app.get("/metrics", include_in_schema=False)
def metrics() -> Response:
    payload, content_type = render_metrics(PERFORMANCE_SUMMARY_PATH)
    return Response(content=payload, media_type=content_type)


@app.post("/predict", response_model=PredictionResponse)
def predict(
    request: PredictionRequest,
    predictor: TaxiDemandPredictor = Depends(get_predictor),
) -> PredictionResponse:
    try:
        result = predictor.predict(
            zone_id=request.zone_id,
            target_datetime=request.target_datetime,
        )
        observe_prediction(result)

        return PredictionResponse(**result)
    except (FileNotFoundError, ValueError) as error:
        raise HTTPException(
            status_code=422,
            detail=str(error),
        ) from error
    except MlflowException as error:
        raise HTTPException(
            status_code=503,
            detail="champion model is not available in the MLflow registry",
        ) from error
