import nltk
import pandas as pd
from joblib import dump
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import make_pipeline

from celery_app import celery

nltk.download("punkt")
nltk.download("stopwords")


def preprocess_text(text):
    from nltk.corpus import stopwords
    from nltk.tokenize import word_tokenize

    tokens = word_tokenize(text.lower())
    stop_words = set(stopwords.words("english"))
    return " ".join(w for w in tokens if w.isalpha() and w not in stop_words)


@celery.task
def train_model(model_path="sentiment_model.joblib", training_file="social_media_comments.csv"):
    df = pd.read_csv("data/" + training_file, encoding="latin-1", header=None, names=["sentiment", "id", "date", "query", "user", "text"])
    df["sentiment"] = pd.to_numeric(df["sentiment"], errors="coerce")
    df["processed_text"] = df["text"].apply(preprocess_text)

    X_train, X_test, y_train, y_test = train_test_split(df["processed_text"], df["sentiment"], test_size=0.2, random_state=42)

    model = make_pipeline(CountVectorizer(), MultinomialNB())
    model.fit(X_train, y_train)

    dump(model, model_path)

    print("Model trained and saved to {model_path}")
