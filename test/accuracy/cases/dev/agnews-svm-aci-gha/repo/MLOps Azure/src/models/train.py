"""
Model training script with MLflow tracking
"""
import logging
import sys
import time
from pathlib import Path

project_root = Path(__file__).parent.parent.parent
sys.path.insert(0, str(project_root))

import joblib
import mlflow
import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import MultinomialNB
from sklearn.svm import LinearSVC

from src.data.data_loader import load_ag_news, validate_data
from src.features.preprocessor import TextPreprocessor

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


def load_config(config_path='config/params.yaml'):
    with open(config_path, 'r') as f:
        return yaml.safe_load(f)


def train_pipeline():
    config = load_config()
    mlflow.set_experiment(config['mlflow']['experiment_name'])

    train_df, test_df = load_ag_news(config['data']['train_path'], config['data']['test_path'])
    validate_data(train_df)
    validate_data(test_df)

    preprocessor = TextPreprocessor()
    train_df = preprocessor.preprocess_dataframe(train_df)
    test_df = preprocessor.preprocess_dataframe(test_df)

    X_train, X_val, y_train, y_val = train_test_split(
        train_df['text_clean'],
        train_df['label'],
        test_size=config['dataset']['test_size'],
        random_state=config['dataset']['random_state'],
        stratify=train_df['label']
    )
    X_test = test_df['text_clean']
    y_test = test_df['label']

    tfidf = TfidfVectorizer(max_features=config['tfidf']['max_features'])
    X_train_tfidf = tfidf.fit_transform(X_train)
    X_val_tfidf = tfidf.transform(X_val)
    X_test_tfidf = tfidf.transform(X_test)

    models = {
        'Logistic Regression': LogisticRegression(max_iter=1000, random_state=42, n_jobs=4),
        'Naive Bayes': MultinomialNB(),
        'Linear SVM': LinearSVC(max_iter=2000, random_state=42),
        'Random Forest': RandomForestClassifier(n_estimators=100, random_state=42, n_jobs=4)
    }

    results = {}
    for name, model in models.items():
        with mlflow.start_run(run_name=name):
            start_time = time.time()
            model.fit(X_train_tfidf, y_train)
            train_time = time.time() - start_time

            val_accuracy = accuracy_score(y_val, model.predict(X_val_tfidf))
            test_accuracy = accuracy_score(y_test, model.predict(X_test_tfidf))

            mlflow.log_param('model_type', name)
            mlflow.log_metric('val_accuracy', val_accuracy)
            mlflow.log_metric('test_accuracy', test_accuracy)

            results[name] = {'model': model, 'val_accuracy': val_accuracy, 'test_accuracy': test_accuracy}

    best_model_name = max(results, key=lambda x: results[x]['test_accuracy'])
    best_model = results[best_model_name]['model']

    Path('models/trained').mkdir(parents=True, exist_ok=True)
    joblib.dump(best_model, 'models/trained/svm_model.pkl')
    joblib.dump(tfidf, 'models/trained/tfidf_vectorizer.pkl')

    logger.info('Models saved to models/trained/')
    return best_model, tfidf, preprocessor


if __name__ == '__main__':
    train_pipeline()
