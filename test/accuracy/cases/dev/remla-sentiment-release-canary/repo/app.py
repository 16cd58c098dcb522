import os
import logging
from flask import Flask, request, jsonify
from flasgger import Swagger
from versioning import get_version
from src.predictor.predict import ReviewSentimentPredictor

app = Flask(__name__)
app.config.update({
    'ENV': os.getenv('FLASK_ENV', 'production'),
    'DEBUG': os.getenv('FLASK_DEBUG', 'False').lower() in ('true', '1'),
    'HOST': os.getenv('FLASK_HOST', '0.0.0.0'),
    'PORT': int(os.getenv('PORT', 5000))
})

logging.basicConfig(
    level=logging.DEBUG if app.config['DEBUG'] else logging.INFO,
    format='%(asctime)s - %(name)s - %(levelname)s - %(message)s'
)
logger = logging.getLogger(__name__)

app_version = get_version()
logger.info(f"Service Version: {app_version}")

swagger = Swagger(app, template={"swagger": "2.0", "info": {"title": "Model Service", "version": app_version}})

logger.info("Initializing the ReviewSentimentPredictor...")
predictor = ReviewSentimentPredictor()
logger.info("Predictor initialized successfully.")


@app.route("/health", methods=["GET"])
def health_check():
    """
    Health Check Endpoint
    """
    logger.info("Health check requested.")
    return jsonify({"status": "ok"})


@app.route("/version", methods=["GET"])
def version():
    logger.info(f"Version requested: {app_version}")
    return jsonify({"version": app_version})


@app.route('/predict', methods=['POST'])
def predict():
    """
    Sentiment Prediction Endpoint
    """
    json_data = request.get_json(silent=True)
    if not json_data or 'review' not in json_data:
        logger.error("Invalid request: 'review' key missing from JSON payload.")
        return jsonify({"error": "Missing 'review' key in request body"}), 400
    try:
        review_text = json_data['review']
        raw_score = predictor.predict(review_text)

        if raw_score > 0.5:
            sentiment_label = "positive"
            confidence = raw_score
        else:
            sentiment_label = "negative"
            confidence = 1 - raw_score

        response_payload = {
            "sentiment": sentiment_label,
            "confidence_score": confidence,
            "review": review_text
        }
        return jsonify(response_payload), 200
    except Exception as e:
        logger.error(f"Prediction failed: {e}", exc_info=True)
        return jsonify({"error": "An internal error occurred during prediction."}), 500

if __name__ == '__main__':
    logger.info(f"Starting Flask server on {app.config['HOST']}:{app.config['PORT']}...")
    app.run(
        host=app.config['HOST'],
        port=app.config['PORT'],
        debug=app.config['DEBUG']
    )
