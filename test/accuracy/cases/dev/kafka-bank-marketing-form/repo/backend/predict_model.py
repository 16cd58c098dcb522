from typing import Annotated

import joblib
import pandas as pd
from fastapi import FastAPI, Form

app = FastAPI()

model = joblib.load("backend/bank_model.pkl")
scaler = joblib.load("backend/scaler.pkl")


def preprocess_input(data_dict):
    df = pd.DataFrame([data_dict])
    df_encoded = pd.get_dummies(df)
    for col in scaler.feature_names_in_:
        if col not in df_encoded.columns:
            df_encoded[col] = 0
    df_encoded = df_encoded[scaler.feature_names_in_]
    return scaler.transform(df_encoded)


def predict(data_dict):
    processed_data = preprocess_input(data_dict)
    prediction = model.predict(processed_data)[0]
    probability = float(model.predict_proba(processed_data)[0][1])
    return ("yes" if prediction == 1 else "no", probability)


@app.post("/predict/")
async def make_prediction(
    age: Annotated[int, Form(...)],
    job: Annotated[str, Form(...)],
    balance: Annotated[int, Form(...)],
    duration: Annotated[int, Form(...)],
):
    form_data = {"age": age, "job": job, "balance": balance, "duration": duration}
    prediction_label, probability_value = predict(form_data)
    return {"prediction": prediction_label, "probability": f"{probability_value:.2f}"}
