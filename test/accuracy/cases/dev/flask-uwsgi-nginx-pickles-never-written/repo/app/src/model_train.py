import warnings

import efficientnet.keras as efn
import pandas as pd
from keras import optimizers
from keras.callbacks import ModelCheckpoint
from keras.layers import Dense, Dropout, GlobalAveragePooling2D
from keras.models import Model
from keras.preprocessing.image import ImageDataGenerator

warnings.filterwarnings("ignore", category=UserWarning)

EPOCHS = 5
BATCH_SIZE = 64
LR = 1e-4
CLASS_NUM = 10
IMG_SIZE = 224
input_shape = (IMG_SIZE, IMG_SIZE, 3)
RANDOM_SEED = 42

DATA_PATH = '/Users/alina/Code/skillfactory/unit_6/unit_9/sf/data/'
PATH = "/Users/alina/Code/skillfactory/unit_6/unit_9/sf/data/car/"

train_df = pd.read_csv(DATA_PATH + "train.csv")

train_datagen = ImageDataGenerator(rescale=1. / 255, rotation_range=5, validation_split=0.1)

train_generator = train_datagen.flow_from_directory(
    PATH + 'train/', target_size=(IMG_SIZE, IMG_SIZE), batch_size=BATCH_SIZE,
    class_mode='categorical', shuffle=True, seed=RANDOM_SEED, subset='training')

test_generator = train_datagen.flow_from_directory(
    PATH + 'train/', target_size=(IMG_SIZE, IMG_SIZE), batch_size=BATCH_SIZE,
    class_mode='categorical', shuffle=True, seed=RANDOM_SEED, subset='validation')

base_model = efn.EfficientNetB0(weights='imagenet', include_top=False, input_shape=input_shape)
x = GlobalAveragePooling2D()(base_model.output)
x = Dense(256, activation='relu')(x)
x = Dropout(0.25)(x)
predictions = Dense(CLASS_NUM, activation='softmax')(x)

model = Model(inputs=base_model.input, outputs=predictions)
model.compile(loss="categorical_crossentropy", optimizer=optimizers.Adam(lr=LR), metrics=["accuracy"])

checkpoint = ModelCheckpoint('best_model.hdf5', monitor=['val_acc'], verbose=1, mode='max')
callbacks_list = [checkpoint]

history = model.fit_generator(
    train_generator,
    steps_per_epoch=len(train_generator),
    validation_data=test_generator,
    validation_steps=len(test_generator),
    epochs=EPOCHS
    # callbacks = callbacks_list
)

model.save('../working/model_last.hdf5')
model.load_weights('best_model.hdf5')

scores = model.evaluate_generator(test_generator, steps=len(test_generator), verbose=1)
print("Accuracy: %.2f%%" % (scores[1] * 100))
