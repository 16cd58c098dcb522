import os

import joblib
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split


def train_and_save_model():
    print("Loading data...")
    df = pd.read_csv("/opt/airflow/data/energy_weather_paris.csv", parse_dates=["date"])
    df_model = df.drop(columns=["date", "snow", "wind_direction"]).dropna()

    X = df_model.drop(columns=["consumption_kw"])
    y = df_model["consumption_kw"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

    print("Training...")
    rf = RandomForestRegressor(random_state=42)
    rf.fit(X_train, y_train)

    model_path = "/opt/airflow/models/random_forest_model.joblib"
    os.makedirs(os.path.dirname(model_path), exist_ok=True)
    joblib.dump(rf, model_path)
    print(f"Model saved to {model_path}")
