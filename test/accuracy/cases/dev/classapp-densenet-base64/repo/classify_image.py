from fastapi import FastAPI, HTTPException
from pydantic import BaseModel
import tensorflow as tf
from tensorflow.keras.applications import densenet
from tensorflow.keras.applications.densenet import preprocess_input, decode_predictions
import numpy as np
from PIL import Image
import base64
import io


# Request body: one base64-encoded image
class ImagePayload(BaseModel):
    image: str


app = FastAPI()

model = None


@app.on_event("startup")
async def load_model():
    global model
    model = densenet.DenseNet121(weights="./densenet121_weights_tf_dim_ordering_tf_kernels.h5")
    print("DenseNet121 model loaded!")


def preprocess_image(image_data):
    image = Image.open(io.BytesIO(image_data)).convert("RGB")
    image = image.resize((224, 224))
    image_array = np.array(image)
    image_array = np.expand_dims(image_array, axis=0)
    return preprocess_input(image_array)


@app.post("/predict")
async def predict(payload: ImagePayload):
    try:
        image_data = base64.b64decode(payload.image)

        input_tensor = preprocess_image(image_data)

        predictions = model.predict(input_tensor)

        decoded_predictions = decode_predictions(predictions, top=1)[0]
        response_label = decoded_predictions[0][1]
        return {"response": response_label}

    except Exception as e:
        raise HTTPException(status_code=400, detail=f"Error processing the image: {str(e)}")
