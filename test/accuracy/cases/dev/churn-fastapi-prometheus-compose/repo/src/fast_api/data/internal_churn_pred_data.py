from enum import Enum
from pydantic import BaseModel, conint, Field


class ContractEnum(str, Enum):
    month_to_month = 'Month-to-month'
    one_year = 'One year'
    two_year = 'Two year'


class internal_churn_pred_data(BaseModel):
    Contract: ContractEnum
    tenure: int
    PhoneService: conint(ge=0, le=1)
    TotalCharges: float
    Month_to_month: conint(ge=0, le=1) = Field(..., alias='Month-to-month')
    One_year: conint(ge=0, le=1) = Field(..., alias='One year')
    Two_year: conint(ge=0, le=1) = Field(..., alias='Two year')


def dict_to_pydantic(data: dict) -> internal_churn_pred_data:
    return internal_churn_pred_data(**data)
