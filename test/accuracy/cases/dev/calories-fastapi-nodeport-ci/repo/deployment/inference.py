import joblib
import os
import pandas as pd


class CaloriesPredictor:
    def __init__(self):
        SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
        PROJECT_ROOT = os.path.dirname(SCRIPT_DIR)
        self.model = joblib.load(os.path.join(PROJECT_ROOT, 'model', 'model_calories.pkl'))

    def predict(self, poids_kg, duree_min, vitesse_moyenne, distance_km, fc_moyenne):
        data = pd.DataFrame({
            'poids_kg': [poids_kg],
            'duree_min': [duree_min],
            'vitesse_moyenne': [vitesse_moyenne],
            'distance_km': [distance_km],
            'fc_moyenne': [fc_moyenne]
        })
        prediction = self.model.predict(data)
        return float(prediction[0])


if __name__ == "__main__":
    predictor = CaloriesPredictor()
    prediction = predictor.predict(poids_kg=90, duree_min=80, vitesse_moyenne=25, distance_km=40, fc_moyenne=150)
    print(f"Prediction de calories brulees : {prediction:.2f} kcal")
