import os
from typing import Any, Callable

import flask
import joblib
import pandas as pd
from sklearn.pipeline import Pipeline


class InvalidPayloadError(Exception):
    pass


def create_predict_handler(
    path: str = os.getenv("MODEL_PATH", "data/pipeline.pkl"),
) -> Callable[[flask.Request], flask.Response]:
    """Load the trained pipeline once and return a handler closing over it."""

    model: Pipeline = joblib.load(path)
    statuses = {0: "clear", 1: "heart-disease"}

    def handler(request: flask.Request) -> Any:
        request_json = request.get_json()
        df = pd.DataFrame.from_records([request_json])
        try:
            yh = model.predict(df)
        except ValueError as e:
            raise InvalidPayloadError(e)

        return flask.jsonify(dict(diagnosis=statuses[int(yh[0])]))

    return handler


predict = create_predict_handler()
