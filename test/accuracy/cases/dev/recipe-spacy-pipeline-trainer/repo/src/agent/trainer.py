import joblib
import numpy as np
import pandas as pd
import spacy
from sklearn.base import TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler

nlp = spacy.load('en_core_web_sm')

file_path = "data/binary_class_sentences.csv"
df = pd.read_csv(file_path, header=None, names=['Text', 'Label'])
df['Label'] = df['Label'].astype(int)

texts = df['Text'].tolist()
labels = df['Label'].tolist()


class TfidfWeightedVectors(TransformerMixin):
    def fit(self, X, y=None):
        self.vectorizer = TfidfVectorizer()
        self.vectorizer.fit(X)
        self.max_idf = max(self.vectorizer.idf_)
        return self

    def transform(self, X):
        return [self.tfidf_weighted_vector(text) for text in X]

    def tfidf_weighted_vector(self, text):
        doc = nlp(text)
        vectors = [self.word_vector(word) for word in doc]
        return np.mean(vectors, axis=0) if vectors else np.zeros((len(doc[0].vector),))

    def word_vector(self, word):
        idf_score = self.vectorizer.idf_.get(word.text, self.max_idf)
        return word.vector * idf_score


class LinguisticFeatureTransformer(TransformerMixin):
    def fit(self, X, y=None):
        return self

    def transform(self, texts):
        return [self.extract_linguistic_features(text) for text in texts]

    def extract_linguistic_features(self, text):
        doc = nlp(text)
        return {
            'word_count': len(doc),
            'sentence_count': len(list(doc.sents)),
            'noun_count': len([token for token in doc if token.pos_ == 'NOUN']),
        }


model = joblib.load('src/agent/model/spacy_model.pkl')
pipeline = Pipeline([
    ('features', FeatureUnion([
        ('tfidf_vectors', TfidfWeightedVectors()),
        ('linguistic', LinguisticFeatureTransformer())
    ])),
    ('scaler', StandardScaler()),
    ('classifier', model)
])
X_train, X_test, y_train, y_test = train_test_split(texts, labels, test_size=0.2, shuffle=True)

pipeline.fit(texts, labels)
