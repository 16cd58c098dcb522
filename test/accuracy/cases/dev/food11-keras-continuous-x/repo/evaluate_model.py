import os

import tensorflow as tf
from sklearn.metrics import confusion_matrix
from utils import create_image_generator

MODEL_DIR = "/tmp/model_to_deploy"
EVALUATION_DIR = "/tmp/content/Food-11/evaluation"
INPUT_IMG_SIZE = 112
BATCH_SIZE = 32

keras_files = [f for f in os.listdir(MODEL_DIR) if f.endswith(".keras")]
if len(keras_files) != 1:
    raise ValueError(f"Expected exactly one .keras file in {MODEL_DIR}, but found {len(keras_files)}.")
MODEL_PATH = os.path.join(MODEL_DIR, keras_files[0])

model = tf.keras.models.load_model(MODEL_PATH)

evaluation_gen = create_image_generator(EVALUATION_DIR, INPUT_IMG_SIZE, BATCH_SIZE)
loss, accuracy = model.evaluate(evaluation_gen, verbose=1)
print(f"Evaluation Accuracy: {accuracy:.4f}")

y_pred_classes = model.predict(evaluation_gen).argmax(axis=1)
y_true = evaluation_gen.classes
print(classification_report(y_true, y_pred_classes))
print(confusion_matrix(y_true, y_pred_classes))

ACCURACY_THRESHOLD = 0.8
if accuracy > ACCURACY_THRESHOLD:
    print("Model meets the performance threshold. Ready for deployment!")
else:
    print("Model did not meet the performance threshold. Deployment aborted.")
