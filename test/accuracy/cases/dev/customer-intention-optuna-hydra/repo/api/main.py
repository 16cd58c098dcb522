import os

import joblib
import pandas as pd
from google.cloud import storage


def load_model(name_file: str):
    bucket = storage.Client("customer-intention").get_bucket("models_customer_intention")
    blob = bucket.blob(f"{name_file}.joblib")
    if not os.path.exists("/tmp/"):
        os.makedirs("/tmp/")
    blob.download_to_filename(f"/tmp/{name_file}.joblib")
    return joblib.load(f"/tmp/{name_file}.joblib")


def customer_intention(request):
    request_json = request.get_json()
    try:
        pipe = load_model("pipeline")
        model = load_model("final_model")
    except FileNotFoundError as e:
        print(f"The pipeline/model file does not exist: {e}")
        raise e
    data = pd.DataFrame([{
        "Administrative": request_json["Administrative"],
        "BounceRates": request_json["BounceRates"],
        "Month": request_json["Month"],
        "VisitorType": request_json["VisitorType"],
        "Weekend": request_json["Weekend"],
    }])
    predict = model.predict_proba(pipe.transform(data))
    return {"pred": predict.tolist()}
