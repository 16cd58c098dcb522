import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder
from sklearn.metrics import classification_report
from xgboost import XGBClassifier
import os
import joblib

df = pd.read_csv(os.path.join("dataset", "cleaned_dataset.csv"))
df = df.replace(r"^\s*$", np.nan, regex=True)
df = df.fillna(df.median(numeric_only=True))
df.to_csv(os.path.join("dataset", "cleaned_dataset.csv"), index=False)

enc1 = LabelEncoder()
df["sent_token"] = enc1.fit_transform(df["sent_token"].astype(str))
enc2 = LabelEncoder()
df["recv_token"] = enc2.fit_transform(df["recv_token"].astype(str))

x = df.iloc[:, 2:20]
y = df.iloc[:, 1]
weight = y.value_counts()[0] / y.value_counts()[1]

x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.30, shuffle=True, random_state=42, stratify=y)

model = XGBClassifier(scale_pos_weight=weight, random_state=42)
model.fit(x_train, y_train)

y_pred = model.predict(x_test)
print(classification_report(y_test, y_pred))
print(f"Accuracy: {model.score(x_test, y_test)*100:.2f} %")

joblib.dump({"model": model, "enc1": enc1, "enc2": enc2}, os.path.join("model", "models.joblib"))
