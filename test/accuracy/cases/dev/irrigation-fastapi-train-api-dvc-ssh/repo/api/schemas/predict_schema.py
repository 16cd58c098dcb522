from pydantic import BaseModel


class PredictRequest(BaseModel):
    Soil_Type: str
    Soil_pH: float
    Soil_Moisture: float
    Temperature_C: float
    Humidity: float
    Rainfall_mm: float
    Crop_Type: str
    Crop_Growth_Stage: str
    Season: str
    Irrigation_Type: str
    Field_Area_hectare: float
    Region: str


class ClassProbability(BaseModel):
    label: str
    probability: float


class PredictResponse(BaseModel):
    irrigation_need: str
    confidence: float
    probabilities: list[ClassProbability]
