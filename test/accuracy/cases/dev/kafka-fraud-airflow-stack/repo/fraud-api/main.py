from fastapi import FastAPI
import joblib
import pandas as pd

app = FastAPI(title="Fraud Detection API")

MODEL_PATH = "/app/model/fraud_xgb_pipeline.pkl"
clf = joblib.load(MODEL_PATH)


@app.post("/predict")
def predict(transaction: dict):
    """Score one transaction: {"TransactionAmt": 100.0, "ProductCD": "W", ...}"""
    X = pd.DataFrame([transaction])
    y_pred = clf.predict(X)[0]
    y_prob = clf.predict_proba(X)[0][1]
    return {"isFraud": int(y_pred), "fraud_probability": float(y_prob)}
