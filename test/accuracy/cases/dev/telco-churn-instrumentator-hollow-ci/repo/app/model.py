import joblib
import pandas as pd


class ChurnModel:
    def __init__(self, model_path="models/churn_model.pkl"):
        self.model = joblib.load(model_path)

    def predict(self, input_data):
        input_df = pd.DataFrame([input_data.dict()])
        churn_prob = self.model.predict_proba(input_df)[0, 1]
        return {"churn_probability": float(churn_prob), "churn_prediction": bool(churn_prob >= 0.5)}
