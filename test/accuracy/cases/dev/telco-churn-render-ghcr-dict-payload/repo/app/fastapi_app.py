from typing import Any, Dict, List

from fastapi import FastAPI
from pydantic import BaseModel

from src.models.predict_model import load_model, predict_batch, predict_single

app = FastAPI(title="Telco Churn Prediction API", version="1.0.0")


@app.on_event("startup")
def load_model_on_startup():
    global model
    model = load_model()


class CustomerPayload(BaseModel):
    data: Dict[str, Any]


class BatchCustomerPayload(BaseModel):
    records: List[Dict[str, Any]]


@app.get("/health")
def health_check():
    return {"status": "ok", "message": "Telco Churn Prediction API is running."}


@app.post("/predict")
def predict_customer(payload: CustomerPayload):
    result = predict_single(payload.data, model=model)
    return result


@app.post("/predict_batch")
def predict_customers_batch(payload: BatchCustomerPayload):
    import pandas as pd

    if not payload.records:
        return {"error": "No records provided."}

    df = pd.DataFrame(payload.records)
    df_out = predict_batch(df, model=model)
    return {"predictions": df_out.to_dict(orient="records")}
