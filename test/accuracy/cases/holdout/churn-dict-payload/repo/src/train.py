import os

import joblib
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

# Load a simple dataset (simulate one if it does not exist)
path = "data/churn.csv"
if not os.path.exists(path):
    df = pd.DataFrame({
        "age": [25, 40, 35, 50],
        "balance": [1000, 2000, 1500, 3000],
        "churn": [0, 1, 0, 1]
    })
    df.to_csv(path, index=False)
else:
    df = pd.read_csv(path)

# Simple preprocessing
X = df.drop("churn", axis=1)
y = df["churn"]

# Train the model
model = RandomForestClassifier()
model.fit(X, y)

# Save the model
joblib.dump(model, "model/model.pkl")
