from solar_pred.core.ai_models.neural_network.model import NeuralNetwork
from solar_pred.core.ai_models.neural_network.model_config import MODEL_CONFIG


def initialize_model(chosen_model: str, weights_dir: str):
    model = NeuralNetwork(MODEL_CONFIG)
    try:
        model.load_model(weights_dir)
    except FileNotFoundError:
        pass
    return model
