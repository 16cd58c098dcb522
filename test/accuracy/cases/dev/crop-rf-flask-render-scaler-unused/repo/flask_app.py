from flask import Flask, request, jsonify
import joblib
import numpy as np

app = Flask(__name__)

# the trained forest
model = joblib.load('random_forest_model.joblib')


@app.route('/predict', methods=['POST'])
def predict():
    try:
        data = request.get_json()
        features = np.array([data['features']])

        prediction = model.predict(features)

        return jsonify({'prediction': int(prediction[0])})
    except Exception as e:
        return jsonify({'error': str(e)}), 400


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000)
