import os
import pickle
import pandas as pd
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel
import psycopg2
import shap
import numpy as np
import logging
from alerts.email_alert import send_email_alert

app = FastAPI()
logger = logging.getLogger("fraud_api")
logger.setLevel(logging.INFO)

model = None
explainer = None

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
MODEL_PATH = os.path.join(BASE_DIR, "..", "model", "fraud_model.pkl")


@app.on_event("startup")
def load_model_and_explainer():
    global model, explainer
    try:
        with open(MODEL_PATH, "rb") as f:
            model = pickle.load(f)
        try:
            explainer = shap.TreeExplainer(model)
        except Exception:
            explainer = None
        logger.info("Model loaded from %s", MODEL_PATH)
    except Exception as e:
        logger.exception("Failed to load model: %s", e)
        model = None
        explainer = None


FEATURES = ["amount", "hour", "location_risk", "device_risk", "previous_fraud_count"]


class Transaction(BaseModel):
    amount: float
    hour: int
    location_risk: int
    device_risk: int
    previous_fraud_count: int


def get_db_connection():
    return psycopg2.connect(
        host=os.getenv("DB_HOST", "127.0.0.1"),
        port=int(os.getenv("DB_PORT", "5433")),
        database=os.getenv("DB_NAME", "fraud_db"),
        user=os.getenv("DB_USER", "postgres"),
        password=os.getenv("DB_PASS", "postgres")
    )


@app.get("/")
def health():
    return {"status": "API is running"}


def _extract_shap_top_reason(df):
    if explainer is None:
        return "unavailable"
    try:
        vals = explainer.shap_values(df)
        if isinstance(vals, list):
            vals = vals[0]
        vals = np.array(vals)
        return FEATURES[np.abs(vals[0]).argmax()]
    except Exception as e:
        logger.warning("SHAP extraction failed: %s", e)
        return "unavailable"


@app.post("/predict")
def predict(txn: Transaction):
    if model is None:
        raise HTTPException(status_code=500, detail="Model not loaded")

    df = pd.DataFrame([txn.dict()])
    df = df[FEATURES].astype(float)

    try:
        prob = float(model.predict_proba(df)[0][1])
    except Exception as e:
        logger.exception("Prediction failed: %s", e)
        raise HTTPException(status_code=500, detail="Prediction error")

    risk = prob * 100
    decision = "BLOCK" if risk > 60 else "ALLOW"
    top_reason = _extract_shap_top_reason(df)

    try:
        conn = get_db_connection()
        cursor = conn.cursor()
        cursor.execute(
            "INSERT INTO fraud_logs (amount, hour, fraud_probability, decision) VALUES (%s,%s,%s,%s)",
            (txn.amount, txn.hour, prob, decision)
        )
        conn.commit()
        cursor.close()
        conn.close()
    except Exception as e:
        logger.exception("DB logging failed: %s", e)

    if risk > 60:
        logger.info("ALERT TRIGGERED: risk=%s", risk)
        try:
            send_email_alert(txn.dict(), risk, top_reason)
        except Exception as e:
            logger.exception("Alert sending failed: %s", e)

    return {
        "fraud_probability": round(prob, 2),
        "risk_score": round(risk, 1),
        "decision": decision,
        "top_reason": top_reason
    }
