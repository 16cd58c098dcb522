from pydantic import BaseModel, Field


class PredictionResults(BaseModel):
    prediction: int = Field(
        description="0 means False and 1 means True",
        ge=0,
        le=1,
    )
    probability: float = Field(
        description="Probability of True",
        ge=0.0,
        le=1.0,
    )


class InputSchema(BaseModel):
    # order of the features has to mach training
    # @TODO add validation for the values like le and ge
    mean_radius: float
    mean_texture: float
    mean_smoothness: float
    worst_texture: float
    worst_smoothness: float


column_map = {
    "mean_radius": "mean radius",
    "mean_texture": "mean texture",
    "mean_smoothness": "mean smoothness",
    "worst_texture": "worst texture",
    "worst_smoothness": "worst smoothness",
}
