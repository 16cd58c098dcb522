import pandas as pd
import pickle
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

# a toy dataset (to be replaced with the CSV later)
data = {
    "text": [
        "Earn money fast with no work",
        "Backend engineer wanted, 3 years of experience",
        "Pay a registration fee to get the job",
        "Hiring a Python developer for an IT firm",
    ],
    "label": [1, 0, 1, 0],
}

df = pd.DataFrame(data)

vectorizer = TfidfVectorizer(stop_words="english")
X = vectorizer.fit_transform(df["text"])

model = LogisticRegression()
model.fit(X, df["label"])

pickle.dump(model, open("model.pkl", "wb"))
pickle.dump(vectorizer, open("vectorizer.pkl", "wb"))

print("Model trained and saved")
