from http.client import HTTPException

import cv2
import numpy as np
from tensorflow.keras import layers
from tensorflow.keras.models import Model


def load_model():
    x1 = layers.Input(shape=(96, 96, 1))
    x2 = layers.Input(shape=(96, 96, 1))
    inputs = layers.Input(shape=(96, 96, 1))
    feature = layers.Conv2D(32, kernel_size=3, padding="same", activation="relu")(inputs)
    feature = layers.MaxPooling2D(pool_size=2)(feature)
    feature_model = Model(inputs=inputs, outputs=feature)
    net = layers.Subtract()([feature_model(x1), feature_model(x2)])
    net = layers.Flatten()(net)
    net = layers.Dense(1, activation="sigmoid")(net)
    model = Model(inputs=[x1, x2], outputs=net)
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["acc"])
    model.load_weights("./app/models/siamese.h5")
    return model


def preprocess(img):
    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    img = cv2.Laplacian(gray, cv2.CV_8U, ksize=3)
    img = cv2.resize(img, (96, 96))
    return img.reshape((1, 96, 96, 1)).astype(np.float32) / 255


def compare_images(first_img, second_img, model):
    if not model:
        raise HTTPException(status_code=404, detail=f"Model not found")

    img = cv2.imdecode(np.frombuffer(first_img, dtype=np.uint8), cv2.IMREAD_COLOR)
    img_other = cv2.imdecode(np.frombuffer(second_img, dtype=np.uint8), cv2.IMREAD_COLOR)

    result = model.predict([preprocess(img), preprocess(img_other)])
    result_value = float(result[0])
    return {"result": result_value}
