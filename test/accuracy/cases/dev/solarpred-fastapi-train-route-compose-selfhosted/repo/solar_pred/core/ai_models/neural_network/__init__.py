def load_nr_model(weights_dir):
    from .model import NeuralNetwork

    try:
        return NeuralNetwork({}).load_model(file_directory=weights_dir)
    except FileNotFoundError:
        # load a new model
        from .model_config import MODEL_CONFIG

        return NeuralNetwork(model_CONFIG=MODEL_CONFIG)
