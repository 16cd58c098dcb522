import tensorflow as tf
import numpy as np

with open('model/model_config.json') as json_file:
    json_config = json_file.read()
    model = tf.keras.models.model_from_json(json_config)
model.load_weights('model/rps_weights.h5')

def predict(data):
    x = tf.keras_preprocessing.image.img_to_array(data)
    x = np.expand_dims(x, axis=0)
    images = np.vstack([x])
    prediction = model.predict(images)
    return prediction
