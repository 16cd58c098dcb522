from fastapi import FastAPI
import mlflow.pyfunc
import pandas as pd
from collections import Counter
import requests
from datetime import datetime, timedelta
import pandas_ta as ta
from fastapi.responses import JSONResponse

mlflow.set_tracking_uri("http://203.0.113.163:8080")
app = FastAPI()

xgb_model = mlflow.pyfunc.load_model(model_uri="models:/XGBoostModel@production")
lgb_model = mlflow.pyfunc.load_model(model_uri="models:/LightGBMModel@production")
cat_model = mlflow.pyfunc.load_model(model_uri="models:/CatBoostModel@production")

models = {"XGB": xgb_model, "LGBM": lgb_model, "CatBoost": cat_model}


def get_latest_market_features():
    end_date = datetime.now()
    start_date = end_date - timedelta(days=3650)
    start_index = 0
    all_candles = []

    while True:
        url = (
            "http://iss.moex.com/iss/engines/stock/markets/shares/boards/TQBR/"
            f"securities/SBER/candles.json?from={start_date:%Y-%m-%d}&till={end_date:%Y-%m-%d}"
            f"&interval=60&start={start_index}"
        )
        response = requests.get(url, headers={"User-Agent": "Mozilla/5.0"}, timeout=15)
        data = response.json()
        candles = data["candles"]["data"]
        if not candles:
            break
        all_candles.extend(candles)
        start_index += 500

    df = pd.DataFrame(all_candles, columns=data["candles"]["columns"])
    df["begin"] = pd.to_datetime(df["begin"])
    df.set_index("begin", inplace=True)
    df["EMA_15"] = ta.ema(df["close"], length=15)
    df["EMA_75"] = ta.ema(df["close"], length=75)
    df["RSI_14"] = ta.rsi(df["close"], length=14)
    df["ema_diff"] = df["EMA_15"] - df["EMA_75"]
    df.dropna(inplace=True)
    return df[["close", "volume", "EMA_15", "EMA_75", "RSI_14", "ema_diff"]].iloc[[-1]]


@app.get("/predict")
def predict():
    features_df = get_latest_market_features()
    features = features_df.to_dict(orient="records")[0]
    timestamp = features_df.index[-1].isoformat()

    predictions = []
    for model in models.values():
        pred = int(model.predict(features_df)[0])
        predictions.append(pred)
    vote = Counter(predictions).most_common(1)[0][0]

    return JSONResponse({"timestamp": timestamp, "prediction": vote, "votes": predictions, "features": features})
