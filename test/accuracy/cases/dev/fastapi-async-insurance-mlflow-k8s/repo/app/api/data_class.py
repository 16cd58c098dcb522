from pydantic import BaseModel


class ModelCorePrediction(BaseModel):
    """
    Input of predict_insurance: age, sex, bmi, children, smoker, region.
    """

    age: int
    sex: int
    bmi: float
    children: int
    smoker: int
    region: int
