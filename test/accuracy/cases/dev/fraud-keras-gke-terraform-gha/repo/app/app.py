import os
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel
import tensorflow as tf
import numpy as np
import pandas as pd
import joblib

base_dir = os.path.dirname(os.path.abspath(__file__))

model_path = os.path.join(base_dir, "model", "fraud_detection_model.h5")
scaler_path = os.path.join(base_dir, "model", "scaler.pkl")
training_info_path = os.path.join(base_dir, "model", "training_info.pkl")

print(f"Model Path: {model_path}")

if not os.path.exists(model_path):
    raise FileNotFoundError(f"Model file not found at {model_path}")
else:
    print("Loading model...")
    model = tf.keras.models.load_model(model_path)
    scaler = joblib.load(scaler_path)
    training_info = joblib.load(training_info_path)

app = FastAPI()


class FraudPredictionRequest(BaseModel):
    type: str
    amount: float
    nameDest: str
    oldbalanceOrg: float
    newbalanceOrig: float
    oldbalanceDest: float
    newbalanceDest: float


def preprocess_input(json_input):
    df = pd.DataFrame([json_input])

    if 'type' in df.columns:
        df = pd.get_dummies(df, columns=['type'], prefix='tp')

    for col in training_info['columns']:
        if col not in df.columns:
            df[col] = 0
    df = df[training_info['columns']]

    if 'nameDest' in df.columns:
        tokenizer = tf.keras.preprocessing.text.Tokenizer()
        tokenizer.fit_on_texts(df['nameDest'])
        customers = tokenizer.texts_to_sequences(df['nameDest'])
        customers = tf.keras.preprocessing.sequence.pad_sequences(customers, maxlen=1)
        df['customer'] = np.squeeze(customers)
        df = df.drop('nameDest', axis=1)

    df = pd.DataFrame(scaler.transform(df), columns=training_info['columns'])
    return df.values


def predict_fraud(json_input):
    print("Predicting fraud...")  # Debugging statement
    processed_data = preprocess_input(json_input)
    print("Model prediction in progress...")  # Debugging statement
    prediction = model.predict(processed_data)
    print("Prediction complete.")  # Debugging statement
    return float(prediction[0, 0])


@app.get("/")
def read_root():
    return {"message": "Hello World"}


@app.post("/predict")
async def predict(request: FraudPredictionRequest):
    try:
        fraud_probability = predict_fraud(request.dict())
        return {"fraud_probability": fraud_probability}
    except Exception as e:
        raise HTTPException(status_code=500, detail=str(e))


@app.get("/")
async def root():
    return {"message": "Fraud Detection API"}
