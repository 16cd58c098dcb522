from tensorflow.keras.callbacks import EarlyStopping

from workspace import X_test, X_train, model, y_test, y_train

# Watch validation accuracy
monitor_val_acc = EarlyStopping(monitor='val_accuracy',
                                patience=5)

model.fit(X_train, y_train,
          epochs=1000, validation_data=(X_test, y_test),
          callbacks=[monitor_val_acc])
