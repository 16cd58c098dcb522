from workspace import X_test, X_train, model, plot_accuracy, plot_loss, y_test, y_train

# Train and keep the history
h_callback = model.fit(X_train, y_train, epochs=25,
                       validation_data=(X_test, y_test))

# Train vs test loss per epoch
plot_loss(h_callback.history['loss'], h_callback.history['val_loss'])

# Train vs test accuracy per epoch
plot_accuracy(h_callback.history['accuracy'], h_callback.history['val_accuracy'])
