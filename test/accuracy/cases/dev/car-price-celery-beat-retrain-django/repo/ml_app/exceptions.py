class PredictionException(Exception):
    pass


class PreprocessingException(Exception):
    pass
