from flask import Flask, request

import tasks

app = Flask(__name__)


@app.route("/home")
def home():
    return "Welcome to Home"


@app.route("/predict", methods=["POST"])
def predict():
    if request.method == "POST":
        file = request.files["file"]
        img_bytes = file.read()
        class_name = tasks.run_inference.delay(image=img_bytes)
        return "passed"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000, debug=True)
