from catboost import CatBoostClassifier
from joblib import dump
import pandas as pd

# pipeline = pickle.load(open("models/preprocessing_pipeline.pkl", "rb"))

clf = CatBoostClassifier()

train_df = pd.read_csv("data/train_processed.csv")

X = train_df[train_df.columns.drop('Exited')]
y = train_df["Exited"]
clf.fit(X, y)

dump(clf, "models/catboost.joblib")
