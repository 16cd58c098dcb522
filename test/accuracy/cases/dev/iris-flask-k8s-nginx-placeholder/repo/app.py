from flask import Flask, request, jsonify
import joblib
import numpy as np

app = Flask(__name__)

# load the model (model.pkl must be in this folder)
model = joblib.load('model.pkl')


@app.route('/predict', methods=['POST'])
def predict():
    data = request.get_json()
    features = np.array(data['features']).reshape(1, -1)
    prediction = model.predict(features)

    flowers = ['Setosa', 'Versicolor', 'Virginica']
    return jsonify({'prediction': flowers[prediction[0]]})


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000)
