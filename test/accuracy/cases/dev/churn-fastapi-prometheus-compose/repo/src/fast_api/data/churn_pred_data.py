from enum import Enum
from pydantic import BaseModel


class ContractEnum(str, Enum):
    month_to_month = 'Month-to-month'
    one_year = 'One year'
    two_year = 'Two year'


class PhoneServiceEnum(str, Enum):
    yes = 'Yes'
    no = 'No'


class churn_pred_data(BaseModel):
    customerID: str
    TotalCharges: float = None
    Contract: ContractEnum
    PhoneService: PhoneServiceEnum
    tenure: int = None


def dict_to_pydantic(data: dict) -> churn_pred_data:
    return churn_pred_data(**data)
