from fastapi import FastAPI
import uvicorn
import pandas as pd
from pycaret.classification import load_model

# the saved PyCaret pipeline
model = load_model("best_model")

app = FastAPI()

from pydantic import BaseModel, Field
from typing import List, Dict


class InputData(BaseModel):
    mileage_miles: int = Field(..., alias="Mileage(miles)")
    registration_year: int = Field(..., alias="Registration_Year")
    fuel_type: str = Field(..., alias="Fuel type")
    Engine: float
    Gearbox: str
    Doors: int


@app.post("/predict")
def predict(data: InputData):
    df = pd.DataFrame([data.model_dump(by_alias=True)])
    prediction = model.predict(df)
    return {"prediction": prediction.tolist()[0]}


class NewInputData(BaseModel):
    data: Dict[str, List]


@app.post("/predStream/")
def predictFromStreamlit(payload: NewInputData):
    try:
        df = pd.DataFrame.from_dict(payload.data)
        prediction = model.predict(df)
        return {"prediction": prediction.tolist()[0]}
    except Exception as e:
        return {"error": str(e)}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=8000)
