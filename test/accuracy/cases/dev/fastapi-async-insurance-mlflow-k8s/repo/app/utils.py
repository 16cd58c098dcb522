import codecs
import pickle
import time

from app.database import engine


class CoreModel:
    """Loads the model named in a predict call from the database."""

    def __init__(self, model_name):
        self.model_name = model_name
        self.model = None
        self.query = """
                SELECT model_file
                FROM model_core
                WHERE model_name='{}';
            """.format(
            self.model_name
        )

    def load_model(self):
        raise Exception

    def predict_target(self, target_data):
        return self.model.predict(target_data)


class ScikitLearnModel(CoreModel):
    def __init__(self, *args):
        super().__init__(*args)

    def load_model(self):
        _model = engine.execute(self.query).fetchone()
        if _model is None:
            raise ValueError("Model Not Found!")

        self.model = pickle.loads(codecs.decode(_model[0], "base64"))


class VarTimer:
    def __init__(self, caching_time=5):
        self._var = None
        self._caching_time = caching_time
        self._last = time.time()

    @property
    def is_var(self):
        return self._var is not None

    def cache_var(self, var):
        self._var = var
        self._last = time.time()

    def get_var(self):
        return self._var

    def reset_timer(self):
        self._last = time.time()
