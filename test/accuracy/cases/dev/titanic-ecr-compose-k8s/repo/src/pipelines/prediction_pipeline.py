import pandas as pd
import pickle
import os


def make_prediction(input_data: dict, model_path: str):
    """Predicts whether ONE passenger survived."""

    # 1. Load the model (pipeline)
    if not os.path.exists(model_path):
        raise FileNotFoundError("Model could not be found! Run training_pipeline.py first.")

    with open(model_path, "rb") as f:
        pipeline = pickle.load(f)

    df = pd.DataFrame([input_data])

    print(f"Data has come: {input_data}")

    prediction = pipeline.predict(df)
    probability = pipeline.predict_proba(df)

    result = "Survived" if prediction[0] == 1 else "Didn't Survive"
    confidence = probability[0][prediction[0]]

    print(f"Result: {result} (Probability: {confidence * 100:.2f})")
    return result
