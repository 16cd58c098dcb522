import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
import joblib
import os
import numpy as np

SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
PROJECT_ROOT = os.path.dirname(SCRIPT_DIR)

df = pd.read_csv(os.path.join(PROJECT_ROOT, 'data', 'calories.csv'))

X = df[['poids_kg', 'duree_min', 'vitesse_moyenne', 'distance_km', 'fc_moyenne']]
y = df['calories_brulees']

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

model = RandomForestRegressor(n_estimators=100, random_state=42)
model.fit(X_train, y_train)
print("Modele entraine")

y_pred_model = model.predict(X_test)
print("Random Forest - MAE : ", mean_absolute_error(y_test, y_pred_model))
print("Random Forest - RMSE : ", np.sqrt(mean_squared_error(y_test, y_pred_model)))

joblib.dump(model, os.path.join(PROJECT_ROOT, 'model', 'model_calories.pkl'))
print("Modele sauvegarde dans model/model_calories.pkl")
