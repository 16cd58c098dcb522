import yaml
import pathlib
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.pipeline import Pipeline

from load_data import data_loader
from preprocess import create_preprocessor

with open('config.yaml', 'r') as conf:
    cfg = yaml.safe_load(conf)

data_path = pathlib.Path(f"{cfg['paths']['data']}/{cfg['files']['input_file']}")
data = data_loader(data_path)

y = data[['Diabetic']]
X = data.drop('Diabetic', axis=1)

pipe = Pipeline([
    ('preprocess', create_preprocessor()),
    ('estimator', LogisticRegression())
])

grid_params = [
    {
        'estimator': [RandomForestClassifier()],
        'estimator__max_depth': [10, 15]
    }
]

scoring = {'Accuracy': 'accuracy', 'Precision': 'precision', 'Recall': 'recall', 'AUC': 'roc_auc'}

grid = GridSearchCV(pipe, grid_params, scoring=scoring, refit='AUC')

grid.fit(X, y)

results = pd.DataFrame(grid.cv_results_)
