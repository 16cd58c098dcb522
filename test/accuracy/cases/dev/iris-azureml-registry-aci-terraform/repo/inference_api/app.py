import os
import numpy as np
from flask import Flask, request, jsonify
import pickle

app = Flask(__name__)

REGISTERED_MODEL_NAME = "IrisLogisticRegressionModel"
MODEL_VERSION = "local_bundled"

model = None

try:
    with open("model.pkl", 'rb') as f:
        model = pickle.load(f)
    print("Model 'model.pkl' loaded successfully from local file system.")
except FileNotFoundError:
    print("Error: model.pkl not found. Model will not be loaded.")
except Exception as e:
    print(f"Error loading model from local file system: {e}")
    model = None


@app.route('/')
def home():
    return "ML Model Inference API. Use /predict to get predictions."


@app.route('/predict', methods=['POST'])
def predict():
    if model is None:
        return jsonify({'error': 'Model not loaded. Server might be misconfigured or model.pkl is missing/corrupt.'}), 500

    try:
        data = request.get_json(force=True)

        # Expected input: {"data": [[5.1, 3.5, 1.4, 0.2], [6.2, 3.4, 5.4, 2.3]]}
        features = data.get('data')
        if not isinstance(features, list) or not all(isinstance(f, list) for f in features):
            return jsonify({'error': 'Invalid input format. Expecting JSON with a "data" key containing a list of feature vectors.'}), 400

        input_array = np.array(features)

        predictions = model.predict(input_array).tolist()

        probabilities = None
        if hasattr(model, 'predict_proba'):
            probabilities = model.predict_proba(input_array).tolist()

        response = {'predictions': predictions}
        if probabilities is not None:
            response['probabilities'] = probabilities

        return jsonify(response)

    except ValueError as ve:
        app.logger.error(f"Invalid input data for model prediction: {ve}", exc_info=True)
        return jsonify({'error': f'Invalid input data for model prediction: {ve}. Ensure numerical data and correct dimensionality.'}), 400
    except Exception as e:
        app.logger.error(f"Prediction error: {e}", exc_info=True)
        return jsonify({'error': 'An unexpected error occurred during prediction.'}), 500


@app.route('/health', methods=['GET'])
def health_check():
    status = "healthy" if model is not None else "unhealthy"
    response_data = {"status": status, "model_loaded": model is not None}

    if model is not None:
        response_data["model_info"] = {
            "name": REGISTERED_MODEL_NAME,
            "version": MODEL_VERSION,
            "source": "Local/Bundled model.pkl"
        }
    else:
        response_data["model_info"] = "Model not loaded"

    return jsonify(response_data), 200


if __name__ == '__main__':
    port = int(os.getenv('PORT', 5001))
    app.run(host='0.0.0.0', port=port)
