import joblib
import pandas as pd
from pathlib import Path
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()

# the model is loaded once, when the service starts
model_path = Path(__file__).resolve().parent / "model" / "logistic_regression.joblib"
model_data = joblib.load(model_path)
model = model_data["pipeline"]


class CustomerData(BaseModel):
    tenure: int
    InternetService: str
    Contract: str
    MonthlyCharges: float
    TotalCharges: float
    PaymentMethod: str


@app.get("/health")
def health_check():
    return {"status": "healthy", "model": model_data["model_name"], "version": model_data["model_version"]}


@app.post("/predict")
def predict_churn(customer: CustomerData):
    customer_data = pd.DataFrame([customer.model_dump()])
    prediction = model.predict(customer_data)[0]
    probability = model.predict_proba(customer_data)[0][1]
    result = "Churn" if prediction == 1 else "Stay"
    return {"prediction": result, "churn_probability": round(float(probability), 4)}
