import os
import pandas as pd
import joblib
from sklearn.svm import SVC
from dotenv import load_dotenv

load_dotenv()

train_data = pd.read_csv('data/train.csv')
X = train_data.drop('target', axis=1)
y = train_data['target']

# hyper-parameters written into the script
model = SVC(C=0.5, kernel='rbf', probability=True, random_state=42)
model.fit(X, y)

os.makedirs('models', exist_ok=True)
model_path = os.path.join('models', 'model.pkl')
joblib.dump(model, model_path)
