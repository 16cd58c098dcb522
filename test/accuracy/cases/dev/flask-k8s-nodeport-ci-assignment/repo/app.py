# stand-in: app.py is not in the indexed snapshot; the Dockerfile runs it with `python app.py`
from flask import Flask

app = Flask(__name__)


@app.route("/")
def home():
    return "Hello from Flask on Kubernetes"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
