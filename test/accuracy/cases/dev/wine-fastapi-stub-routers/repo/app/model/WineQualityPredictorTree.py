from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import mean_squared_error, r2_score, mean_absolute_error
import pandas as pd
from joblib import dump
import pickle

from app.model.WineQualityInput import WineQualityInput


class WineQualityPredictorTree:
    def __init__(self, csv_file):
        """Initialise le modèle"""
        self.data = pd.read_csv(csv_file)
        self.X = self.data.drop(columns=["quality", "Id"])
        self.y = self.data["quality"]
        self.X_train, self.X_test, self.y_train, self.y_test = train_test_split(
            self.X, self.y, test_size=0.2, random_state=42
        )
        self.scaler = StandardScaler()
        self.X_train_normalized = self.scaler.fit_transform(self.X_train)
        self.X_test_normalized = self.scaler.transform(self.X_test)
        self.model = RandomForestRegressor(n_estimators=100, random_state=42)

    def train_model(self):
        self.model.fit(self.X_train_normalized, self.y_train)

    def predict_quality(self, new_data: WineQualityInput):
        new_df = pd.DataFrame([new_data])
        new_data_normalized = self.scaler.transform(new_df)
        predicted_quality = self.model.predict(new_data_normalized)
        return predicted_quality[0]

    def predict_test(self):
        y_pred = self.model.predict(self.X_test_normalized)
        mse = mean_squared_error(self.y_test, y_pred)
        mae = mean_absolute_error(self.y_test, y_pred)
        r2 = r2_score(self.y_test, y_pred)

        print(f"MSE: {mse}")
        print(f"MAE: {mae}")
        print(f"R2 Score: {r2}")

    def save_model(self):
        try:
            dump(self, "app/data/wine_quality_model.joblib")
            print("Modèle sauvegardé avec succès.")
        except Exception as e:
            print(f"{e}")

    def serialize(self):
        return pickle.dumps(self)


wineQualityPredictorTree = WineQualityPredictorTree("app/data/Wines.csv")
wineQualityPredictorTree.train_model()
wineQualityPredictorTree.save_model()
