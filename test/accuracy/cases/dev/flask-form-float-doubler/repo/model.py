def predict(x):
    return x * 2
