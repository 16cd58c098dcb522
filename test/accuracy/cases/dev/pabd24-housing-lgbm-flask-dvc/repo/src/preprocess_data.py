def preprocess_data():
    raise NotImplementedError
