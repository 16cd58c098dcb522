import os
import pickle

import pandas as pd
from category_encoders import HashingEncoder
from flask import Flask, jsonify, request
from google.cloud import storage

app = Flask(__name__)
model = None

AGE_BUCKETS = {"below21": "<21", "21": "21-30", "26": "21-30", "31": "31-40", "36": "31-40", "41": "41-50", "46": "41-50"}


def preprocess_data(df):
    df = df.fillna(df.mode().iloc[0])
    df = df.drop_duplicates()
    out = df.copy()
    out["age"] = [AGE_BUCKETS.get(value, ">50") for value in df["age"]]
    out["passanger_destination"] = out["passanger"].astype(str) + "-" + out["destination"].astype(str)
    out = out.drop(columns=["passanger", "destination", "gender"])
    return out.replace({"expiration": {"2h": 0, "1d": 1}, "time": {"7AM": 0, "10AM": 1, "2PM": 2, "6PM": 3, "10PM": 4}})


def encode_features(x, n_components=27):
    encoder = HashingEncoder(cols=["passanger_destination", "occupation", "coupon"], n_components=n_components).fit(x)
    return encoder.transform(x.reset_index(drop=True))


def load_model():
    storage_client = storage.Client()
    bucket = storage_client.get_bucket("buoyant-ceiling-402604-bucket")
    blob = bucket.blob("ml-artifacts/xgboost_coupon_recommendation.pkl")
    blob.download_to_filename("xgboost_coupon_recommendation.pkl")
    model = pickle.load(open("xgboost_coupon_recommendation.pkl", "rb"))
    return model


def preprocess(input_json):
    try:
        df = pd.DataFrame(input_json, index=[0])
        x = preprocess_data(df)
        x_encoded = encode_features(x)
        x_encoded.fillna(0, inplace=True)
        return x_encoded
    except Exception as err:
        return jsonify({"error": str(err)}), 400


@app.route("/predict", methods=["POST"])
def predict():
    model = load_model()
    try:
        input_json = request.get_json()
        df_preprocessed = preprocess(input_json)
        y_predictions = model.predict(df_preprocessed)
        response = {"predictions": y_predictions.tolist()}
        return jsonify(response), 200
    except Exception as e:
        return jsonify({"error": str(e)}), 400


if __name__ == "__main__":
    app.run(debug=True, host="0.0.0.0", port=int(os.environ.get("PORT", 5051)))
