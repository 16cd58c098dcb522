import os
import sys

# Flask
from flask import Flask, jsonify, render_template, request
from gevent.pywsgi import WSGIServer

# TensorFlow and tf.keras
from keras.models import load_model

import numpy as np
from PIL import Image, ImageOps
from util import base64_to_pil

app = Flask(__name__)

# Model saved with Keras model.save()
MODEL_PATH = 'model.h5'

np.set_printoptions(suppress=True)

print("Loading model")
model = load_model(MODEL_PATH)

# class_names = open("labels.txt", "r").readlines()
class_names = ['pituitary', 'notumor', 'meningioma', 'glioma']

print('Model loaded. Check http://127.0.0.1:5000/')


def model_predict(img, model):
    size = (128, 128)
    image = ImageOps.fit(img, size, Image.Resampling.LANCZOS)
    image_array = np.asarray(image)
    normalized_image_array = image_array / 255
    data = np.expand_dims(normalized_image_array, axis=0)
    prediction = model.predict(data)
    return prediction


@app.route('/', methods=['GET'])
def index():
    return render_template('index.html')


@app.route('/predict', methods=['GET', 'POST'])
def predict():
    if request.method == 'POST':
        # Get the image from the post request
        img = base64_to_pil(request.json)

        prediction = model_predict(img, model)

        index = np.argmax(prediction)
        class_name = class_names[index]
        confidence_score = str(prediction[0][index])
        result = str(class_name[2:])
        print("Class:", result)
        print("Confidence Score:", confidence_score)

        return jsonify(result=result, probability=confidence_score)

    return None


if __name__ == '__main__':
    # Serve the app with gevent
    http_server = WSGIServer(('0.0.0.0', 5000), app)
    http_server.serve_forever()
