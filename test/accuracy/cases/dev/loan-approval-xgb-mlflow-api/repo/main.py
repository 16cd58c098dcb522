from fastapi import FastAPI
from pydantic import BaseModel
import mlflow.xgboost
import pandas as pd

mlflow.set_tracking_uri("http://localhost:5000")
model_uri = "runs:/617eeeac97944137af6d39472acd54fe/xgboost_model"
model = mlflow.xgboost.load_model(model_uri)

app = FastAPI(title="Loan Approval Prediction API")


class PredictInput(BaseModel):
    columns: list[str]
    data: list[list[float]]


@app.post("/predict")
def predict(input_data: PredictInput):
    df = pd.DataFrame(input_data.data, columns=input_data.columns)
    preds = model.predict(df)
    return {"predictions": preds.tolist()}
