"""Flask web app for Iris species prediction."""

from __future__ import annotations

import joblib
import numpy as np
from flask import Flask, render_template, request

try:
    from src.logger import get_logger
    from src.custom_exception import CustomException

    logger = get_logger(__name__)
except Exception:
    import logging

    logging.basicConfig(level=logging.INFO)
    logger = logging.getLogger(__name__)

    class CustomException(Exception):
        pass


app = Flask(__name__)

MODEL_PATH = "artifacts/models/model.pkl"
model = joblib.load(MODEL_PATH)
logger.info("Model loaded from %s", MODEL_PATH)

IRIS_FEATURES = {
    "SepalLengthCm": {"label": "Sepal Length (cm)", "min": 4.3, "max": 7.9, "mean": 5.84},
    "SepalWidthCm": {"label": "Sepal Width (cm)", "min": 2.0, "max": 4.4, "mean": 3.05},
    "PetalLengthCm": {"label": "Petal Length (cm)", "min": 1.0, "max": 6.9, "mean": 3.76},
    "PetalWidthCm": {"label": "Petal Width (cm)", "min": 0.1, "max": 2.5, "mean": 1.20},
}

DEFAULTS = {k: v["mean"] for k, v in IRIS_FEATURES.items()}


def _parse_and_validate(name: str, value: str) -> float:
    conf = IRIS_FEATURES[name]
    try:
        x = float(value)
    except Exception as e:
        raise CustomException(f"{conf['label']}: value must be numeric.") from e
    if x < conf["min"] or x > conf["max"]:
        raise CustomException(f"{conf['label']}: {x} is out of range [{conf['min']}, {conf['max']}].")
    return x


@app.route("/", methods=["GET", "POST"])
def index():
    prediction = None
    error = None
    inputs = DEFAULTS.copy()

    if request.method == "POST":
        try:
            sl = _parse_and_validate("SepalLengthCm", request.form.get("SepalLengthCm", ""))
            sw = _parse_and_validate("SepalWidthCm", request.form.get("SepalWidthCm", ""))
            pl = _parse_and_validate("PetalLengthCm", request.form.get("PetalLengthCm", ""))
            pw = _parse_and_validate("PetalWidthCm", request.form.get("PetalWidthCm", ""))
            inputs = {"SepalLengthCm": sl, "SepalWidthCm": sw, "PetalLengthCm": pl, "PetalWidthCm": pw}

            data = np.array([[sl, sw, pl, pw]])
            prediction = model.predict(data)[0]
            logger.info("Prediction successful: %s", str(prediction))

        except Exception as e:
            error = str(e)
            logger.error("Prediction failed: %s", error)

    return render_template("index.html", prediction=prediction, error=error, features=IRIS_FEATURES, inputs=inputs)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)
