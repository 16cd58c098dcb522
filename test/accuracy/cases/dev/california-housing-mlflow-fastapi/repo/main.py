from fastapi import FastAPI
from pydantic import BaseModel
import mlflow.sklearn

# the MLflow model folder shipped next to the app
model = mlflow.sklearn.load_model("model")

app = FastAPI()


class InputData(BaseModel):
    MedInc: float
    HouseAge: float
    AveRooms: float
    AveBedrms: float
    Population: float
    AveOccup: float
    Latitude: float
    Longitude: float


@app.post("/predict")
def predict(data: InputData):
    row = [[
        data.MedInc, data.HouseAge, data.AveRooms, data.AveBedrms,
        data.Population, data.AveOccup, data.Latitude, data.Longitude
    ]]
    prediction = model.predict(row)[0]
    return {"predicted_price": prediction}
