from datetime import timedelta

import numpy as np
import pandas as pd
from binance.client import Client
from sklearn.preprocessing import MinMaxScaler
from tensorflow.keras.models import load_model


class CryptoPricePredictor:
    def __init__(self, model_path, api_key, api_secret):
        self.model = load_model(model_path)
        self.client = Client(api_key, api_secret)
        self.scaler = MinMaxScaler()
        self.price_scaler = MinMaxScaler()

    def get_crypto_data(self, coin_symbol, limit=365):
        klines = self.client.get_historical_klines(coin_symbol, Client.KLINE_INTERVAL_1DAY, f"{limit} day ago UTC")
        prices = [float(kline[4]) for kline in klines]
        return pd.DataFrame({'price': prices})

    def predict_price(self, data, time_step=30):
        scaled_data = self.scaler.fit_transform(data[['price']])
        self.price_scaler.fit(data[['price']])
        X_future = np.expand_dims(scaled_data[-time_step:], axis=0)
        predictions = self.model.predict(X_future)
        return self.price_scaler.inverse_transform(predictions).flatten()[0]

    def fetch_and_predict(self, coin_symbols):
        results = []
        for symbol in coin_symbols:
            crypto_data = self.get_crypto_data(symbol)
            predicted_price = self.predict_price(crypto_data)
            results.append({'Symbol': symbol, 'Predicted Price': predicted_price})
        return results
