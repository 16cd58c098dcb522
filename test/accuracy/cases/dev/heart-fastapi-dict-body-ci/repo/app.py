from fastapi import FastAPI
import joblib
import numpy as np

app = FastAPI()
model = joblib.load("artifacts/heart_model.pkl")


@app.post("/predict")
def predict(data: dict):
    # the body's values are taken in whatever order the client sent them
    features = np.array([list(data.values())])
    prob = model.predict_proba(features)[0][1]
    return {"prediction": int(prob > 0.5), "confidence": prob}
