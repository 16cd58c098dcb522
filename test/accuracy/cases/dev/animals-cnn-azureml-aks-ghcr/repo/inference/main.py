from fastapi import FastAPI, File, UploadFile
from fastapi.middleware.cors import CORSMiddleware
import numpy as np
from PIL import Image
from tensorflow import keras
import os
import io

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],  # Allows all origins
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

ANIMALS = ['Cat', 'Dog', 'Panda']

# The environment variable 'MODEL_BASE_PATH' points to the directory holding best_model.h5
MODEL_BASE_PATH_DEFAULT_RELATIVE = os.path.join("animal-classification", "INPUT_model_path", "animal-cnn")
model_full_path = os.path.join(
    os.environ.get('MODEL_BASE_PATH', MODEL_BASE_PATH_DEFAULT_RELATIVE),
    "best_model.h5"
)

model = keras.models.load_model(model_full_path)


@app.post('/upload/image')
async def uploadImage(img: UploadFile = File(...)):
    original_image = Image.open(io.BytesIO(await img.read()))
    resized_image = original_image.resize((64, 64))
    images_to_predict = np.expand_dims(np.array(resized_image), axis=0)

    predictions = model.predict(images_to_predict)

    if isinstance(predictions, dict) and 'activation_7' in predictions:
        prediction_probabilities = predictions['activation_7']
    else:
        prediction_probabilities = predictions

    classifications = prediction_probabilities.argmax(axis=1)
    return ANIMALS[classifications.tolist()[0]]
