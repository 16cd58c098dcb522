"""Request/response models: the API's public contract."""
from __future__ import annotations

from typing import List, Literal, Optional

from pydantic import BaseModel, Field

Gender = Literal["Male", "Female"]
YesNo = Literal["Yes", "No"]
Contract = Literal["Month-to-month", "One year", "Two year"]
Payment = Literal["Electronic check", "Mailed check", "Bank transfer", "Credit card"]
Internet = Literal["DSL", "Fiber optic", "No"]


class CustomerFeatures(BaseModel):
    senior_citizen: Literal[0, 1] = Field(..., description="1 if senior citizen else 0")
    tenure_months: int = Field(..., ge=0, le=100)
    monthly_charges: float = Field(..., gt=0)
    total_charges: float = Field(..., ge=0)
    num_support_calls: int = Field(..., ge=0)

    gender: Gender
    partner: YesNo
    dependents: YesNo
    contract_type: Contract
    payment_method: Payment
    internet_service: Internet
    tech_support: YesNo
    paperless_billing: YesNo


class PredictionResponse(BaseModel):
    prediction: int
    prediction_label: Literal["churn", "stay"]
    churn_probability: float = Field(..., ge=0, le=1)
    model_name: str
    model_version: str


class BatchPredictRequest(BaseModel):
    customers: List[CustomerFeatures] = Field(..., min_length=1, max_length=1000)


class BatchPredictResponse(BaseModel):
    predictions: List[PredictionResponse]
    count: int


class HealthResponse(BaseModel):
    status: Literal["healthy", "degraded"]
    model_loaded: bool
    model_version: Optional[str] = None


class ModelInfoResponse(BaseModel):
    model_name: str
    model_version: str
    model_source: str
    metrics: dict
    features: List[str]
    trained_at: Optional[str] = None
