# app/service.py

import numpy as np
import joblib

# Load the trained model pipeline at startup
model = joblib.load("ml/diabetes_model.pkl")


def predict_diabetes(features):
    data = np.array([[
        features.Pregnancies,
        features.Glucose,
        features.BloodPressure,
        features.SkinThickness,
        features.Insulin,
        features.BMI,
        features.DiabetesPedigreeFunction,
        features.Age
    ]], dtype=float)
    # 0 is not a valid value for BloodPressure, SkinThickness, Insulin, BMI
    for idx in [2, 3, 4, 5]:
        if data[0, idx] == 0:
            data[0, idx] = np.nan
    pred_class = int(model.predict(data)[0])
    if hasattr(model, "predict_proba"):
        proba = model.predict_proba(data)[0]
        confidence = proba[pred_class]
    elif hasattr(model, "decision_function"):
        score = model.decision_function(data)[0]
        prob1 = 1 / (1 + np.exp(-score))
        confidence = prob1 if pred_class == 1 else 1 - prob1
    else:
        confidence = 1.0
    return pred_class, float(confidence)
