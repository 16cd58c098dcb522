import os

import librosa
import numpy as np
import tensorflow as tf
from sklearn.model_selection import train_test_split

DATA_DIR = "./training"
SR = 16000
DURATION = 3
NUM_CLASSES = 8
BATCH_SIZE = 16
EPOCHS = 50
BASE_LR = 1e-3
DECAY = 0.8
RANDOM_STATE = 42

EMOTION_MAP = {"01": 0, "02": 1, "03": 2, "04": 3, "05": 4, "06": 5, "07": 6, "08": 7}


def load_ravdess_filepaths_labels(data_dir):
    filepaths = []
    labels = []
    for root, dirs, files in os.walk(data_dir):
        for file in files:
            if file.endswith(".wav"):
                label = EMOTION_MAP.get(file.split("-")[2])
                if label is not None:
                    filepaths.append(os.path.join(root, file))
                    labels.append(label)
    return filepaths, labels


filepaths, labels = load_ravdess_filepaths_labels(DATA_DIR)
print(f"Loaded {len(filepaths)} files")


def preprocess_audio(file_path, sr=SR, duration=DURATION, n_mels=64):
    wav, _ = librosa.load(file_path, sr=sr, duration=duration, res_type="kaiser_fast")
    expected_len = sr * duration
    if len(wav) < expected_len:
        wav = np.pad(wav, (0, expected_len - len(wav)))
    else:
        wav = wav[:expected_len]
    log_mel = librosa.power_to_db(librosa.feature.melspectrogram(y=wav, sr=sr, n_mels=n_mels))
    return ((log_mel - np.mean(log_mel)) / (np.std(log_mel) + 1e-9)).T.astype(np.float32)


X = np.array([preprocess_audio(fp) for fp in filepaths])
y = np.array(labels)

X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, random_state=RANDOM_STATE, stratify=y)


def create_dataset(X, y, batch_size=BATCH_SIZE, shuffle=True):
    ds = tf.data.Dataset.from_tensor_slices((X, y))
    if shuffle:
        ds = ds.shuffle(len(X))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)


train_ds = create_dataset(X_train, y_train)
val_ds = create_dataset(X_val, y_val, shuffle=False)


def create_cnn_lstm_model(input_shape, num_classes):
    inputs = tf.keras.Input(shape=input_shape)
    x = tf.keras.layers.Conv1D(64, kernel_size=3, activation="relu")(inputs)
    x = tf.keras.layers.MaxPooling1D(pool_size=2)(x)
    x = tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(64))(x)
    x = tf.keras.layers.Dropout(0.3)(x)
    outputs = tf.keras.layers.Dense(num_classes, activation="softmax")(x)
    return tf.keras.Model(inputs=inputs, outputs=outputs)


model = create_cnn_lstm_model(X_train.shape[1:], NUM_CLASSES)


class LLDRAdam(tf.keras.optimizers.Adam):
    def __init__(self, lr_multipliers, base_lr=1e-3, **kwargs):
        super().__init__(learning_rate=base_lr, **kwargs)
        self.lr_multipliers = lr_multipliers

    def apply_gradients(self, grads_and_vars, name=None, experimental_aggregate_gradients=True):
        scaled = []
        for grad, var in grads_and_vars:
            if grad is None:
                scaled.append((grad, var))
                continue
            scaled.append((grad * self.lr_multipliers.get(var.name, 1.0), var))
        super().apply_gradients(scaled, name, experimental_aggregate_gradients)


def get_lr_multipliers(model, decay=DECAY):
    n_layers = len(model.layers)
    multipliers = {}
    for i, layer in enumerate(model.layers):
        for var in layer.trainable_variables:
            multipliers[var.name] = decay ** (n_layers - 1 - i)
    return multipliers


optimizer = LLDRAdam(lr_multipliers=get_lr_multipliers(model), base_lr=BASE_LR)
model.compile(optimizer=optimizer, loss=tf.keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])

early_stop = tf.keras.callbacks.EarlyStopping(patience=10, restore_best_weights=True, verbose=1)
history = model.fit(train_ds, validation_data=val_ds, epochs=EPOCHS, callbacks=[early_stop])

model.save("saved_model/cnn_lstm_ravdess_llrd.h5")
