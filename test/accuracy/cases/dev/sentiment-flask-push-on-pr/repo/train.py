import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import Pipeline
import joblib

print("Starting training...")

df = pd.read_csv('data.csv')
X = df['text']
y = df['sentiment']

model_pipeline = Pipeline([
    ('vectorizer', CountVectorizer()),
    ('classifier', MultinomialNB())
])

model_pipeline.fit(X, y)
print("Training complete.")

joblib.dump(model_pipeline, 'sentiment_model.joblib')
print("Model saved to sentiment_model.joblib")
