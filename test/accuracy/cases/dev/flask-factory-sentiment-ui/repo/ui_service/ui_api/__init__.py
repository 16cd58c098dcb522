from .ui_blueprint import ui_bp
