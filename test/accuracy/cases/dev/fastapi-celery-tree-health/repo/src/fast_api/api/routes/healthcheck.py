from fastapi import APIRouter

from src.fast_api.schemas.healthcheck import HealthcheckResult
from src.fast_api.services.utils import return_current_time

router = APIRouter()


@router.get("/healthcheck/", response_model=HealthcheckResult, name="healthcheck")
def get_health_check() -> HealthcheckResult:
    """Healthcheck endpoint."""
    return HealthcheckResult(is_alive=True, date=return_current_time())
