import joblib
from fastapi import FastAPI
from pydantic import BaseModel

model = joblib.load("model.joblib")


class Wine(BaseModel):
    fixed_acidity: float
    volatile_acidity: float
    citric_acid: float
    residual_sugar: float
    chlorides: float
    free_sulfur_dioxide: float
    total_sulfur_dioxide: float
    density: float
    pH: float
    sulphates: float
    alcohol: float


app = FastAPI()


@app.get("/")
def home():
    return {"message": "Wine Quality Prediction API is running!"}


@app.post("/predict")
def predict(wine: Wine):
    data = [[
        wine.fixed_acidity, wine.volatile_acidity, wine.citric_acid,
        wine.residual_sugar, wine.chlorides, wine.free_sulfur_dioxide,
        wine.total_sulfur_dioxide, wine.density, wine.pH,
        wine.sulphates, wine.alcohol,
    ]]
    prediction = model.predict(data)
    return {"predicted_quality": float(prediction[0])}
