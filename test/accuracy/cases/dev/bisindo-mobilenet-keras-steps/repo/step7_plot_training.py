import matplotlib
matplotlib.use('Agg')  # no GUI backend

import matplotlib.pyplot as plt


def plot_training(history):
    acc = history.history['accuracy']
    val_acc = history.history['val_accuracy']
    loss = history.history['loss']
    val_loss = history.history['val_loss']
    epochs = range(1, len(acc) + 1)

    plt.figure()
    plt.plot(epochs, acc, label='Train')
    plt.plot(epochs, val_acc, label='Validation')
    plt.legend()
    plt.savefig("training_accuracy.png")
    plt.close()

    plt.figure()
    plt.plot(epochs, loss, label='Train')
    plt.plot(epochs, val_loss, label='Validation')
    plt.legend()
    plt.savefig("training_loss.png")
    plt.close()

    print("Training plots saved: training_accuracy.png, training_loss.png")
