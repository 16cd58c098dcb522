from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegressionCV
from sklearn.pipeline import Pipeline

MODEL_PIPELINE = Pipeline([
    ("vectorizer", TfidfVectorizer(max_df=0.8, max_features=100000, ngram_range=(1, 3), stop_words="english")),
    ("model", LogisticRegressionCV(random_state=42, n_jobs=-1, max_iter=10000)),
])
