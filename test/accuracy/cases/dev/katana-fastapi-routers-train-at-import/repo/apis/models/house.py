from pydantic import BaseModel, Field


class BostonHouseRequestModel(BaseModel):
    """Boston housing features, in the order the model was trained on."""

    crimeRateByTown: float = Field(example=0.00632, description="Per capita crime rate by town")
    residentZoneProportion: float = Field(example=18.00, description="Residential land zoned for large lots")
    nonRetailBusinessArea: float = Field(example=2.310, description="Non-retail business acres per town")
    charlesRiverVar: float = Field(example=0, description="Charles River var (= 1 if tract bounds river)")
    nitricOxidePpm: float = Field(example=0.5380, description="Nitric oxides concentration")
    averageRooms: float = Field(example=6.5750, description="Average number of rooms per dwelling")
    ageOfHouse: float = Field(example=65.20, description="Owner-occupied units built prior to 1940")
    distFromCentre: float = Field(example=4.0900, description="Distance to employment centres")
    idxRadial: float = Field(example=0, description="Index of accessibility to radial highways")
    taxRate: float = Field(example=296, description="Full-value property-tax rate per $10,000")
    pupilTeacherRatio: float = Field(example=15.30, description="Pupil-teacher ratio by town")
    discriminateProportion: float = Field(example=396.30, description="B column")
    percentLowerStatPopulation: float = Field(example=4.30, description="Lower status of the population")


class BostonHouseResponseModel(BaseModel):
    predictionId: str = "387ef3d8-84a5-11eb-a8fc-84c5a6c1c8e2"
    predictedPrice: float = "3349030"
