class DataProcessor:
    def preprocess_inference_input(self, input_data):
        raise NotImplementedError

    def preprocess_training_input(self, input_data):
        raise NotImplementedError
