"""
API code
"""
from fastapi import FastAPI
from enum import Enum
from pandas import DataFrame
import numpy as np
import uvicorn
from pydantic import BaseModel
from tools.utils import process_data, cat_features, cols
from tools.model import inference
import joblib

# create app
app = FastAPI()


class Workclass(str, Enum):
    SG = "State-gov"
    PR = "Private"
    WP = "Without-pay"


class Sex(str, Enum):
    F = "Female"
    M = "Male"


# POST Input Schema
class InformationInput(BaseModel):
    age: int
    workclass: Workclass
    fnlgt: int
    education_num: int
    sex: Sex
    capital_gain: int
    capital_loss: int
    hours_per_week: int

    class Config:
        schema_extra = {
            "example": {
                "age": 50,
                "workclass": "Private",
                "fnlgt": 83311,
                "education_num": 13,
                "sex": "Male",
                "capital_gain": 0,
                "capital_loss": 0,
                "hours_per_week": 13,
            }
        }


# load models
model = joblib.load("model/model.pkl")
encoder = joblib.load("model/encoder.pkl")
lb = joblib.load("model/lb.pkl")


@app.get("/")
async def root():
    return {"greeting": "Hello, This is a test"}


# Prediction path
@app.post("/predict")
async def predict(input: InformationInput):

    input_data = np.array([[
        input.age,
        input.workclass,
        input.fnlgt,
        input.education_num,
        input.sex,
        input.capital_gain,
        input.capital_loss,
        input.hours_per_week]])

    data = DataFrame(data=input_data, columns=cols)

    X, _, _, _ = process_data(
        data, categorical_features=cat_features, encoder=encoder, lb=lb, training=False)
    y = inference(model, X)
    pred = lb.inverse_transform(y)[0]

    return {"result": pred}

if __name__ == "__main__":
    uvicorn.run("main:app", host="0.0.0.0", port=8000, reload=True)
