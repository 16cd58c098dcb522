import math


class Model:
    def __init__(self, weights):
        self.weights = weights

    def predict_proba(self, features):
        z = sum(w * x for w, x in zip(self.weights, features))
        return 1.0 / (1.0 + math.exp(-z))


MODEL = Model([0.4, -0.2, 0.1])
