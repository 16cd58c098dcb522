from pydantic import BaseModel, Field


class FraudRequest(BaseModel):
    amount: float = Field(gt=0)
    merchant: str
    hour: int = Field(ge=0, le=23)
    transaction_count_24h: int = Field(ge=0)
    avg_amount_30d: float = Field(ge=0)


class FraudResponse(BaseModel):
    fraud_probability: float
    decision: str
