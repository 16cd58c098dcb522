import os
import re

import numpy as np
import pandas as pd
import tensorflow as tf

LOAD_MODEL = False
MODEL_FILE = os.environ.get("MODEL_FILE")
model = None

if LOAD_MODEL and MODEL_FILE:
    import tensorflow_text  # noqa: F401

    model = tf.keras.models.load_model(f"./cff/model/{MODEL_FILE}")


def process_text(text):
    modified_text = pd.Series(text)
    modified_text = modified_text.map(lambda t: t.lower())
    modified_text = modified_text.map(lambda t: re.sub(r"\d+", "", t))
    return np.array(modified_text).tolist()


def predict_sentiment(string_array):
    model_input = pd.Series(string_array)
    if model:
        yhat = model.predict(model_input)
        return np.array(yhat).tolist()
    return np.array([]).tolist()
