import os

import numpy as np
from utils import build_model, load_training_labels, prepare_data_generators, save_model

BATCH_SIZE = 128
INPUT_IMG_SIZE = 112
CLASSES = np.array(["Bread", "Dairy product", "Dessert", "Egg", "Fried food", "Meat",
                    "Noodles/Pasta", "Rice", "Seafood", "Soup", "Vegetable/Fruit"])

base_dir = "/tmp/content/Food-11"
training_dir = os.path.join(base_dir, "training")
validation_dir = os.path.join(base_dir, "validation")
evaluation_dir = os.path.join(base_dir, "evaluation")

training_images, training_labels = load_training_labels(training_dir)
print(f"Loaded {len(training_images)} training images.")

training_gen, validation_gen, evaluation_gen = prepare_data_generators(
    training_dir, validation_dir, evaluation_dir, INPUT_IMG_SIZE, BATCH_SIZE)

model = build_model(INPUT_IMG_SIZE, len(CLASSES))

# short to make sure workflows are working
n_epochs = 4
steps_per_epoch = training_gen.samples // BATCH_SIZE
validation_steps = validation_gen.samples // BATCH_SIZE

hist = model.fit(
    training_gen,
    steps_per_epoch=steps_per_epoch,
    epochs=n_epochs,
    validation_data=validation_gen,
    validation_steps=validation_steps
)

evaluation_loss, evaluation_accuracy = model.evaluate(evaluation_gen, verbose=1)

model_storage_dir = "./models"
save_model(model, model_storage_dir)

file_path = "/tmp/temp_models/evaluation_metrics.txt"
os.makedirs(os.path.dirname(file_path), exist_ok=True)
with open(file_path, "w") as f:
    f.write(f"training_accuracy: {evaluation_accuracy}\n")
    f.write(f"training_loss: {evaluation_loss}\n")

print(f"Evaluation metrics written to: {file_path}")
