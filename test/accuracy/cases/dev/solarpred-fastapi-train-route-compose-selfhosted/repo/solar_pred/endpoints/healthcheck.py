from fastapi import APIRouter

from solar_pred.core.input_validation import HealthCheckOutput

router = APIRouter()


@router.get("/healthcheck", response_model=HealthCheckOutput, name="healthcheck")
def get_heathcheck() -> HealthCheckOutput:
    # the database and model checks are commented out in the original
    response = HealthCheckOutput(
        status="healthy",  # status = "healthy" if is_healthy else "unhealthy"
        is_healthy=True,  # is_healthy
    )
    return response
