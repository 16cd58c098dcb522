# convert the uploaded image into model input
from PIL.Image import Image
import numpy as np
from tensorflow.keras.applications.imagenet_utils import decode_predictions
from model_loader import model


def predict(image: Image):
    image = np.asarray(image.resize((224, 224)))[..., :3]
    image = np.expand_dims(image, 0)
    image = image / 127.5 - 1.0
    results = decode_predictions(model.predict(image), 3)[0]
    print("results: ", results)
    result_list = []
    for i in results:
        result_list.append({"class": i[1], "confidence": f"{i[2]*100:0.2f} %"})
    return result_list
