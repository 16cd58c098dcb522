from .ml_model_blueprint import ml_model_bp
