import os
import json
import pandas as pd
import joblib
from sklearn.metrics import accuracy_score, f1_score

test_data = pd.read_csv('data/test.csv')
X_test = test_data.drop('target', axis=1)
y_test = test_data['target']
model = joblib.load('models/model.pkl')

y_pred = model.predict(X_test)
metrics = {
    "accuracy": accuracy_score(y_test, y_pred),
    "f1_score": f1_score(y_test, y_pred, average='weighted', zero_division=0),
}

with open(os.path.join('models', 'metrics.json'), 'w') as f:
    json.dump(metrics, f, indent=4)
