import pandas as pd
import xgboost as xgb
import pickle
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/transactions.csv")

X = df.drop("is_fraud", axis=1)
y = df["is_fraud"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=42
)

model = xgb.XGBClassifier(
    n_estimators=100,
    max_depth=4,
    learning_rate=0.1
)

model.fit(X_train, y_train)

with open("fraud_model.pkl", "wb") as f:
    pickle.dump(model, f)

print("Model trained and saved")
