from flask import Flask, request, jsonify
from app.prediction import Model

import json

app = Flask(__name__)

model = Model()

@app.route('/predict', methods=['POST'])
def predict():

    try:
        image = request.files.get('img', '')

        result = model.run_model(image)

        payload = {
            "array": result[0].tolist()
        }

        return json.dumps(payload, indent=4)

    except Exception as exception:
        print(exception)
        return jsonify({"error": "could not predict"})

@app.route('/home')
def home():
    return 'home page'
