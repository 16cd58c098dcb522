import os

import tensorflow as tf
from sklearn.datasets import make_classification
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense
from tensorflow.keras.optimizers import SGD

print("TensorFlow version: {}".format(tf.__version__))

X, y = make_classification(n_samples=1000, n_features=4, n_classes=2, random_state=1)
n_features = X.shape[1]
model = Sequential()
model.add(Dense(10, activation="relu", kernel_initializer="he_normal", input_shape=(n_features,)))
model.add(Dense(1, activation="sigmoid"))
sgd = SGD(learning_rate=0.001, momentum=0.8)
model.compile(optimizer=sgd, loss="binary_crossentropy")
model.fit(X, y, epochs=100, batch_size=32, verbose=0, validation_split=0.3)

MODEL_DIR = "/data"
version = 1
export_path = os.path.join(MODEL_DIR, str(version))
tf.keras.models.save_model(model, export_path, overwrite=True, include_optimizer=True)
