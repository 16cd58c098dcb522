import os

from flask import Flask, jsonify, request
from joblib import load

from celery_app import celery
from train_model import preprocess_text, train_model

app = Flask(__name__)

model_path = "sentiment_model.joblib"
training_file = "social_media_comments.csv"


def load_model():
    if os.path.exists(model_path):
        try:
            model = load(model_path)
        except FileNotFoundError as e:
            model = None
            print(f"Error: {e}")
    else:
        model = None
        print(f"Model file '{model_path}' not found.")
    return model


@app.route("/predict", methods=["POST"])
def predict():
    model = load_model()
    if model is None:
        return jsonify({"error": "Model not loaded. Please check the server logs for more details."}), 500
    data = request.get_json()
    text = data["text"]
    print("the text" + text)
    processed_text = preprocess_text(text)
    prediction = model.predict([processed_text])[0]
    print(prediction)
    result = "positive"
    if prediction == 0:
        result = "negative"
    return jsonify({"prediction": result})


@app.route("/train-model", methods=["POST"])
def train():
    try:
        data = request.get_json()
        modelPath = data.get("modelPath", model_path)
        trainingFile = data.get("trainingFile", training_file)
        train_model.delay(modelPath, trainingFile)
        return jsonify({"message": "Training has been started"}), 200
    except Exception as e:
        print(f"Error during training: {e}")
        return jsonify({"error": str(e)}), 500


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5001)
