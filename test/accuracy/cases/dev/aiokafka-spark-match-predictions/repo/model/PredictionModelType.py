from enum import Enum


class PredictionModelType(Enum):
    GRADIENT_BOOST_TREE = 1
    RANDOM_FOREST = 2
    MULTILAYER_PERCEPTRON = 3
    LINEAR_REGRESSION = 4
