from typing import Dict, Optional

from pydantic import BaseModel, Field, validator


class CustomerData(BaseModel):
    gender: str = Field(..., description="Customer gender: Male, Female")
    SeniorCitizen: int = Field(..., ge=0, le=1)
    Partner: str = Field(..., description="Has partner: Yes, No")
    Dependents: str = Field(..., description="Has dependents: Yes, No")
    tenure: int = Field(..., ge=0, le=100)
    Contract: str = Field(..., description="Month-to-month, One year, Two year")
    MonthlyCharges: float = Field(..., ge=0)
    TotalCharges: float = Field(..., ge=0)
    MultipleLines: str = Field(..., description="Multiple lines: Yes, No, No phone service")
    InternetService: str = Field(..., description="DSL, Fiber optic, No")
    TechSupport: str = Field(..., description="Tech support: Yes, No, No internet service")

    @validator("gender")
    def validate_gender(cls, v):
        if v not in ["Male", "Female"]:
            raise ValueError("Gender must be Male or Female")
        return v

    @validator("Partner", "Dependents")
    def validate_yes_no(cls, v):
        if v not in ["Yes", "No"]:
            raise ValueError("Value must be Yes or No")
        return v

    @validator("Contract")
    def validate_contract(cls, v):
        if v not in ["Month-to-month", "One year", "Two year"]:
            raise ValueError("Contract must be Month-to-month, One year or Two year")
        return v


class ChurnPrediction(BaseModel):
    customer_id: Optional[str] = None
    churn_probability: float
    churn_prediction: str
    risk_category: str
    model_info: Dict
