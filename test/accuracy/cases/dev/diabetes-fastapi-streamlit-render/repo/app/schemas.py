# app/schemas.py

from pydantic import BaseModel


class DiabetesInput(BaseModel):
    Pregnancies: int
    Glucose: float
    BloodPressure: float
    SkinThickness: float
    Insulin: float
    BMI: float
    DiabetesPedigreeFunction: float
    Age: int


class DiabetesOutput(BaseModel):
    prediction: int
    result: str
    confidence: float
