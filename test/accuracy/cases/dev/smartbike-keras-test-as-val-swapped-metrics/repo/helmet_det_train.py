# main training file
from keras.layers import Conv2D,MaxPooling2D,Flatten,Dropout,Dense, BatchNormalization
from keras.models import Sequential
from keras.preprocessing.image import ImageDataGenerator
from keras.callbacks import ModelCheckpoint

model = Sequential()
model.add(Conv2D(32, kernel_size=(3, 3), activation='relu',  input_shape=(150,150,3), data_format='channels_last',))
model.add(BatchNormalization())
model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2)))
model.add(Dropout(0.5))

model.add(Conv2D(64, kernel_size=(3, 3), activation='relu', padding='same'))
model.add(BatchNormalization())
model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2)))
model.add(Dropout(0.5))

model.add(Flatten())
model.add(Dense(128, activation='relu'))
model.add(Dropout(0.5))
model.add(Dense(1, activation='sigmoid'))

model.compile(optimizer='adam',loss='binary_crossentropy',metrics=['accuracy'])

train_datagen = ImageDataGenerator(rescale=1./255,shear_range=0.2,zoom_range=0.2,horizontal_flip=True)

test_datagen = ImageDataGenerator(rescale=1./255)

training_set = train_datagen.flow_from_directory('train',target_size=(150,150),batch_size=10 ,class_mode='binary')

test_set = test_datagen.flow_from_directory('test',target_size=(150,150),batch_size=10,class_mode='binary')

filepath = 'mymodel8-loss-b-10.h5'
checkpoint = ModelCheckpoint(filepath=filepath,
                             monitor='val_loss',
                             verbose=1,
                             save_best_only=True,
                             mode='min')
callbacks = [checkpoint]

model_saved = model.fit_generator(training_set,epochs=40,validation_data=test_set, callbacks=callbacks)

model.save('mymodel8-loss-b-10.h5', model_saved)
