import os
from io import BytesIO

import keras
import mlflow.pyfunc
import numpy as np
import requests
from cv2 import resize
from PIL import Image


class SceneryModel(mlflow.pyfunc.PythonModel):
    def __init__(self):
        self.vgg16_places = None

    def load_context(self, context):
        self.vgg16_places = keras.models.load_model(context.artifacts["vgg16_places"])

    def predict(self, context, model_input):
        for index, row in model_input.iterrows():
            image_url = row["image_url"]
            response = requests.get(image_url)
            image = Image.open(BytesIO(response.content))
            image = np.expand_dims(resize(np.array(image, dtype=np.uint8), (224, 224)), 0)

            preds = self.vgg16_places.predict(image)[0]
            top_preds = np.argsort(preds)[::-1][0:5]

            file_name = "categories_places365.txt"
            if not os.access(file_name, os.W_OK):
                synset_url = "https://raw.githubusercontent.com/csailvision/places365/master/categories_places365.txt"
                os.system("wget " + synset_url)
            classes = list()
            with open(file_name) as class_file:
                for line in class_file:
                    classes.append(line.strip().split(" ")[0][3:])

            results = [classes[top_preds[i]] for i in range(0, 5)]
            return results
