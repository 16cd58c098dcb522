from typing import Optional

from pydantic import BaseModel


class ChurnPredictionInput(BaseModel):
    gender: str
    SeniorCitizen: int
    Partner: str
    Dependents: str
    tenure: int
    PhoneService: str
    MultipleLines: Optional[str] = None
    InternetService: str
    OnlineSecurity: Optional[str] = None
    TechSupport: Optional[str] = None
    Contract: str
    PaperlessBilling: str
    PaymentMethod: str
    MonthlyCharges: float
    TotalCharges: float


class ChurnPredictionOutput(BaseModel):
    churn_probability: float
    churn_prediction: bool
