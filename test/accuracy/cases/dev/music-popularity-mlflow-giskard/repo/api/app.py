# api/app.py

from flask import Flask, request, jsonify, make_response
from model import model_predict

import mlflow
import mlflow.pyfunc
import os

import pandas as pd

BASE_PATH = os.path.expandvars("$PROJECTPATH")
model_path = f'{BASE_PATH}/models/champion'
model = mlflow.pyfunc.load_model(model_path)
app = Flask(__name__)


@app.route("/info", methods=["GET"])
def info():
    response = make_response(str(model.metadata), 200)
    response.content_type = "text/plain"
    return response


@app.route("/predict", methods=["POST"])
def predict():
    data = None
    try:
        data = request.json
        if 'inputs' not in data:
            raise ValueError("Missing 'inputs' in request data")

        inputs = data['inputs']
        df = pd.DataFrame([inputs])
        prediction = model_predict(df, model)
        result = {
            'result': 'success',
            'prediction': prediction.tolist()
        }
        return jsonify(result), 200
    except Exception as e:
        return jsonify({'error': str(e)}), 400


if __name__ == "__main__":
    port = int(os.environ.get('PORT', 5001))
    app.run(debug=False, host='0.0.0.0', port=port)
