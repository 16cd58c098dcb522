"""Flask API serving the house price model."""

from flask import Flask, request, jsonify
import pickle
import os
import logging

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)

app = Flask(__name__)

MODEL_PATH = 'models/house_price_model.pkl'

try:
    with open(MODEL_PATH, 'rb') as f:
        model = pickle.load(f)
    logger.info(f"Model loaded from {MODEL_PATH}")
except FileNotFoundError:
    logger.error(f"Model not found at {MODEL_PATH}")
    model = None


@app.route('/health', methods=['GET'])
def health():
    """Health check endpoint"""
    return jsonify({
        'status': 'healthy',
        'model_loaded': model is not None
    }), 200


@app.route('/predict', methods=['POST'])
def predict():
    if model is None:
        return jsonify({'error': 'Model not loaded. Train the model first.'}), 500

    try:
        data = request.get_json()
        if not data:
            return jsonify({'error': 'No data'}), 400

        surface = data.get('surface')
        pieces = data.get('pieces')
        if surface is None or pieces is None:
            return jsonify({'error': 'fields "surface" and "pieces" are required'}), 400

        surface = float(surface)
        pieces = float(pieces)

        prediction = model.predict([[surface, pieces]])[0]
        logger.info(f"Prediction: surface={surface}, pieces={pieces}, price={prediction:.2f}")
        return jsonify({'surface': surface, 'pieces': pieces, 'prix_predicted': round(prediction, 2)}), 200

    except Exception as e:
        logger.error(f"Prediction error: {str(e)}")
        return jsonify({'error': str(e)}), 500


@app.route('/', methods=['GET'])
def index():
    """Home page with the API documentation"""
    return jsonify({'message': 'House price prediction API'}), 200


if __name__ == '__main__':
    port = int(os.environ.get('PORT', 5000))
    app.run(host='0.0.0.0', port=port, debug=False)
