import joblib

from .exceptions import PredictionException


class GetModelMixin:
    """
    Mixin for getting latest model version using date
    """

    def get_model(self, date):
        try:
            model = joblib.load(f'./models/{date.year}_{date.month:02d}_{date.day:02d}.pkl')
        except FileNotFoundError:
            raise PredictionException

        return model
