import joblib
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sentence_transformers import SentenceTransformer
import psycopg2
import numpy as np
from datetime import datetime
import os

conn = psycopg2.connect(
    host="postgres-service",
    database="mldb",
    user="mluser",
    password="mlpassword"
)

df = pd.read_sql("SELECT text, prediction FROM predictions", conn)
conn.close()

if len(df) == 0:
    print("No data available for retraining.")
    exit()

BASE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EMBEDDER_PATH = os.path.join(BASE_DIR, "embedder")

embedder = SentenceTransformer(EMBEDDER_PATH)

X = embedder.encode(df["text"].tolist())
y = df["prediction"].tolist()

clf = LogisticRegression()

if len(np.unique(y)) < 2:
    print("Not enough class diversity. Skipping retraining.")
    exit(0)

clf.fit(X, y)

timestamp = datetime.utcnow().strftime("%Y%m%d%H%M")
model_path = f"{BASE_DIR}/models/classifier_{timestamp}.pkl"

os.makedirs(f"{BASE_DIR}/models", exist_ok=True)
joblib.dump(clf, model_path)

# the API loads this one
joblib.dump(clf, f"{BASE_DIR}/classifier.pkl")

print(f"Model saved at {model_path}")
