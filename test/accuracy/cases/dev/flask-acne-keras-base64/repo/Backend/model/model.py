import base64
import io
import os

import numpy as np
import tensorflow as tf
from PIL import Image


class Model:
    def __init__(self, pretrained_model=os.path.join(os.getcwd(), "model", "final_model"), use_segmentation=False):
        self.pretrained_model = pretrained_model
        self.use_segmentation = False
        self.model = self.__load_model()

    def __load_model(self):
        return tf.keras.models.load_model(self.pretrained_model)

    def __pre_processing(self, image):
        img = Image.open(io.BytesIO(base64.b64decode(image)))
        img = img.resize((224, 224), Image.ANTIALIAS)
        img = np.array(img) / 255
        return np.expand_dims(img, axis=0)

    def predict(self, image):
        model = self.model
        img = self.__pre_processing(image)
        prediction = model.predict(img)[0]
        return {"Acne Comedonal": float(prediction[0]) * 100, "Acne Vulgaris": float(prediction[1]) * 100}
