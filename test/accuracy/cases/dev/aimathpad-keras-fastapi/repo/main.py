from fastapi import FastAPI, File, UploadFile
from model_load import model_load
from predict import make_prediction
import numpy as np
import cv2

app = FastAPI()


@app.get("/")
async def root():
    image = cv2.imread("./hello.png")
    result = make_prediction(image)
    return {"message": result}
