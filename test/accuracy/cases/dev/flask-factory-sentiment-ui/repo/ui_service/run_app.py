import os
from pathlib import Path

from flask import Flask

from utils import initialize_logging
from ui_api import ui_bp


def create_app():

	dir_path = Path(os.path.dirname(os.path.realpath(__file__)))
	logs_path = dir_path / "logs/logging.yaml"
	initialize_logging(logs_path, dir_path=dir_path)

	app = Flask(__name__)
	app.logger.info("Initializing a Flask app...")

	@app.route("/hello")
	def hello():
		return "Hello World!"

	app.register_blueprint(ui_bp)

	return app


if __name__ == "__main__":
	app = create_app()
	app.run(debug=True)
