from tensorflow.keras.callbacks import EarlyStopping, ModelCheckpoint

from workspace import X_test, X_train, model, y_test, y_train

# Stop when validation accuracy stops improving
monitor_val_acc = EarlyStopping(monitor='val_accuracy', patience=3)

# Keep the best model seen so far
model_checkpoint = ModelCheckpoint('best_banknote_model.hdf5', save_best_only=True)

h_callback = model.fit(X_train, y_train,
                       epochs=1000000000000,
                       callbacks=[monitor_val_acc, model_checkpoint],
                       validation_data=(X_test, y_test))
