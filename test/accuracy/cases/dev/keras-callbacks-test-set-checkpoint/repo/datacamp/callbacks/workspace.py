# Stand-in for the course workspace the exercises run in (written for this case, not from the repository).
import matplotlib.pyplot as plt
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras

keras.utils.set_random_seed(42)

banknotes = pd.read_csv("banknotes.csv")
X = banknotes.drop(columns=["class"]).values
y = banknotes["class"].values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=42)

model = keras.Sequential([
    keras.layers.Dense(8, activation="relu", input_shape=(X.shape[1],)),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])


def plot_loss(loss, val_loss):
    plt.plot(loss)
    plt.plot(val_loss)
    plt.show()


def plot_accuracy(acc, val_acc):
    plt.plot(acc)
    plt.plot(val_acc)
    plt.show()
