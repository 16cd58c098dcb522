import base64

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from app.api.model import compare_images, load_model

model = APIRouter()


class ImageRequest(BaseModel):
    image_1: str
    image_2: str


@model.post("/predict")
async def predict(images: ImageRequest, comparator=Depends(load_model)):
    # both images arrive as base64 strings
    image_data_1 = base64.b64decode(images.image_1)
    image_data_2 = base64.b64decode(images.image_2)

    response = compare_images(image_data_1, image_data_2, comparator)
    return response
