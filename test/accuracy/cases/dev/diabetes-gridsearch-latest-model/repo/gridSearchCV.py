import pandas as pd
import joblib
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.svm import SVC
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split, GridSearchCV
from sklearn.preprocessing import StandardScaler, OneHotEncoder
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from datetime import datetime

data = pd.read_csv('diabetes_dataset.csv')
categorical_cols = ['gender', 'location', 'smoking_history']
numerical_cols = ['year', 'age', 'bmi', 'hbA1c_level', 'blood_glucose_level']
preprocessor = ColumnTransformer(
    transformers=[
        ('num', Pipeline(steps=[('scaler', StandardScaler())]), numerical_cols),
        ('cat', Pipeline(steps=[('onehot', OneHotEncoder(handle_unknown='ignore'))]), categorical_cols)])
X = data.drop('diabetes', axis=1)
y = data['diabetes']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
models = {
    'Logistic Regression': LogisticRegression(max_iter=1000),
    'Random Forest': RandomForestClassifier(),
    'SVM': SVC(probability=True)
}
params = {
    'Logistic Regression': {'classifier__C': [0.01, 0.1, 1]},
    'Random Forest': {'classifier__n_estimators': [50, 100], 'classifier__max_depth': [None, 10, 20]},
    'SVM': {'classifier__C': [0.01, 0.1], 'classifier__kernel': ['linear']}
}
best_model = None
best_params = None
best_score = 0

for model_name, model in models.items():
    pipeline = Pipeline(steps=[('preprocessor', preprocessor), ('classifier', model)])
    grid_search = GridSearchCV(pipeline, params[model_name], cv=5, scoring='roc_auc', n_jobs=-1)
    grid_search.fit(X_train, y_train)
    if grid_search.best_score_ > best_score:
        best_model = grid_search.best_estimator_
        best_params = grid_search.best_params_
        best_score = grid_search.best_score_

timestamp = datetime.now().strftime('%Y%m%d%H%M%S')
accuracy = accuracy_score(y_test, best_model.predict(X_test))
model_filename = f'GS_model_{timestamp}_{accuracy:.4f}.joblib'
joblib.dump(best_model, model_filename)
roc_auc = roc_auc_score(y_test, best_model.predict_proba(X_test)[:, 1])
print(f"Accuracy: {accuracy:.4f}, ROC AUC: {roc_auc:.4f}")
with open('GridSearch.md', 'a') as f:
    f.write(f"**Best Model:** {type(best_model.named_steps['classifier']).__name__}\n")
    f.write(f"**Best Hyperparameters:** {best_params}\n")
    f.write(f"**Best Score:** {best_score:.4f}\n")
