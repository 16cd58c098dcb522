import joblib
import pandas as pd


def predict_consumption(weather_csv_path: str = "./weather_paris.csv", model_path: str = "./models/random_forest_model.joblib") -> tuple:
    df = pd.read_csv("./data/weather_paris.csv", parse_dates=["date"])
    last_row = df.iloc[-1]

    # The columns the model was trained on, written out again by hand.
    features = [
        "temp_mean", "temp_min", "temp_max",
        "precipitation", "wind_speed",
        "wind_gusts", "pressure", "sunshine",
    ]
    X = pd.DataFrame([last_row[features].values], columns=features)

    model = joblib.load(model_path)
    prediction = model.predict(X)[0]
    return prediction, last_row
