from flask import Flask
import numpy as np
import joblib, logging

PORT = 8000
HOST = "0.0.0.0"

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)

model = joblib.load('app/model.joblib')

class_names = np.array(['setosa', 'versicolor', 'virginica'])

app = Flask(__name__)


@app.route("/")
def main_():
    return {"message": "This is the root directory!!!"}


@app.route('/predict', methods=['POST'])
def predict_(data: dict):
    features = np.array(data['features'].reshape(1, -1))
    prediction = model.predict(features)
    class_name = class_names[prediction][0]
    return {'prediction': class_name}


if __name__ == "__main__":
    app.run(debug=True, host=HOST, port=PORT)
