from flask import Flask, render_template, request, jsonify

import torch
import torch.nn as nn

import numpy as np
import os
import joblib


app = Flask(__name__)


BASE_DIR = os.path.dirname(os.path.abspath(__file__))

MODEL_PATH = os.path.join(BASE_DIR, "..", "model", "diabetes_model.pth")

SCALER_PATH = os.path.join(BASE_DIR, "..", "model", "scaler.pkl")


scaler = joblib.load(SCALER_PATH)


class DiabetesANN(nn.Module):

    def __init__(self):
        super(DiabetesANN, self).__init__()
        self.network = nn.Sequential(
            nn.Linear(8, 32),
            nn.ReLU(),
            nn.Linear(32, 16),
            nn.ReLU(),
            nn.Linear(16, 8),
            nn.ReLU(),
            nn.Linear(8, 1)
        )

    def forward(self, x):
        return self.network(x)


model = DiabetesANN()

model.load_state_dict(
    torch.load(
        MODEL_PATH,
        map_location=torch.device("cpu")
    )
)

model.eval()


@app.route("/")
def home():
    return render_template("index.html")


@app.route("/predict", methods=["POST"])
def predict():

    try:

        data = request.get_json()

        pregnancies = float(data["pregnancies"])
        glucose = float(data["glucose"])
        blood_pressure = float(data["blood_pressure"])
        skin_thickness = float(data["skin_thickness"])
        insulin = float(data["insulin"])
        bmi = float(data["bmi"])
        pedigree = float(data["pedigree"])
        age = float(data["age"])

        input_data = np.array([[
            pregnancies,
            glucose,
            blood_pressure,
            skin_thickness,
            insulin,
            bmi,
            pedigree,
            age
        ]])

        input_scaled = scaler.transform(input_data)

        input_tensor = torch.tensor(input_scaled, dtype=torch.float32)

        with torch.no_grad():
            output = model(input_tensor)
            probability = torch.sigmoid(output).item()

        if probability >= 0.5:
            prediction = "DIABETIC"
            confidence = probability
        else:
            prediction = "NON-DIABETIC"
            confidence = 1 - probability

        return jsonify({
            "prediction": prediction,
            "confidence": f"{confidence:.4f}"
        })

    except Exception as e:

        return jsonify({
            "error": str(e)
        })


if __name__ == "__main__":

    app.run(
        host="0.0.0.0",
        port=5000,
        debug=True
    )
