import os
import threading

import joblib
import numpy as np
import yfinance as yf
from celery import Task
from tensorflow.keras.models import load_model

from models_celery_config import celery_app


class ModelManager:
    _instances = {}
    _lock = threading.Lock()

    @classmethod
    def get_model(cls, ticker):
        if ticker not in cls._instances:
            with cls._lock:
                if ticker not in cls._instances:
                    print(f"Cargando modelo para {ticker}...")
                    model_path = f"models/{ticker}_modelo.h5"
                    scaler_path = f"models/{ticker}_scaler.save"
                    features_path = f"models/{ticker}_features.save"
                    if not all(os.path.exists(p) for p in [model_path, scaler_path, features_path]):
                        raise FileNotFoundError(f"No se encontraron archivos de modelo para {ticker}")
                    cls._instances[ticker] = {
                        "model": load_model(model_path),
                        "scaler": joblib.load(scaler_path),
                        "features": joblib.load(features_path),
                    }
        return cls._instances[ticker]


class PredictionTask(Task):
    def __init__(self):
        super().__init__()
        self.model_manager = ModelManager()


@celery_app.task(base=PredictionTask, bind=True)
def process_prediction(self, ticker):
    try:
        print(f"Procesando prediccion para {ticker}")
        resources = self.model_manager.get_model(ticker)
        model, scaler, features = resources["model"], resources["scaler"], resources["features"]

        window_size = 60
        df = yf.download(ticker, period="1y", interval="1d", multi_level_index=False)
        if df is None or df.empty:
            return {"error": f"No se pudieron obtener datos del ticker {ticker}"}

        df["volume_20sma"] = df["Volume"].rolling(window=20).mean()
        df.dropna(inplace=True)
        if len(df) < window_size:
            return {"error": f"No hay suficientes datos para {ticker}"}

        scaled_recent = scaler.transform(df[features].tail(window_size))
        pred_scaled = model.predict(np.expand_dims(scaled_recent, axis=0))
        dummy = np.zeros((1, len(features)))
        dummy[0, 0] = pred_scaled[0, 0]
        pred_price = float(scaler.inverse_transform(dummy)[0, 0])
        return {"ticker": ticker, "predicted_price": pred_price}

    except Exception as e:
        print(f"Error en prediccion: {str(e)}")
        return {"error": str(e)}
