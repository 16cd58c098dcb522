from flask import current_app, request, Blueprint, jsonify

bp = Blueprint('main', __name__)

@bp.route('/predict', methods=['POST'])
def predict():
    """Predict P and S waves using specified model (custom or phasenet)"""
    data = request.get_json()

    model_type = data.get('model_type', 'custom')

    predict_data = {k: v for k, v in data.items() if k != 'model_type'}

    if model_type.lower() == 'phasenet':
        phasenet_handler = current_app.extensions.get("phasenet_handler")

        if phasenet_handler is None:
            return jsonify({
                "error": "PhaseNet handler not available",
                "station_code": data.get("station_code", "unknown"),
                "model_type": "phasenet_unavailable"
            }), 503

        return phasenet_handler.predict(**predict_data)

    else:
        prediction_handler = current_app.extensions.get("prediction_handler")
        return prediction_handler.predict(**predict_data)

@bp.route('/predict/stats', methods=['POST'])
def predict_stats():
    """Predict earthquake statistics using custom model"""
    prediction_handler = current_app.extensions.get("prediction_handler")

    return prediction_handler.predict_stats(
        **request.get_json()
    )
