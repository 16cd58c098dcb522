import bentoml
from bentoml.io import NumpyNdarray
import numpy as np

iris_runner = bentoml.sklearn.get("iris_classifier:latest").to_runner()

svc = bentoml.Service("iris_classifier", runners=[iris_runner])


@svc.api(input=NumpyNdarray(), output=NumpyNdarray())
def classify(input_series: np.ndarray) -> np.ndarray:
    if input_series.ndim == 1:
        input_series = input_series.reshape(1, -1)
    return iris_runner.predict.run(input_series)
