import pickle

import pandas as pd
from sklearn.metrics import recall_score
from sklearn.model_selection import RandomizedSearchCV, train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

df = pd.read_excel('data/Telco_customer_churn.xlsx')
df = df.drop(columns=['CustomerID', 'Churn Label', 'Churn Reason', 'Churn Score']).drop_duplicates()

X = df.drop('Churn Value', axis=1)
y = df['Churn Value']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)

categorical_cols = X_train.select_dtypes(include='object').columns.tolist()
numerical_cols = X_train.select_dtypes(exclude='object').columns.tolist()
encoder = OneHotEncoder(sparse_output=False, handle_unknown='ignore', drop='first')
scaler = StandardScaler()
X_train_final = pd.concat(
    [pd.DataFrame(scaler.fit_transform(X_train[numerical_cols]), index=X_train.index),
     pd.DataFrame(encoder.fit_transform(X_train[categorical_cols]), index=X_train.index)], axis=1)
X_test_final = pd.concat(
    [pd.DataFrame(scaler.transform(X_test[numerical_cols]), index=X_test.index),
     pd.DataFrame(encoder.transform(X_test[categorical_cols]), index=X_test.index)], axis=1)

xgb_model = XGBClassifier(random_state=42, eval_metric='logloss')
random_search = RandomizedSearchCV(estimator=xgb_model, param_distributions={'max_depth': [3, 4, 5, 6]},
                                   n_iter=4, scoring='recall', cv=5, n_jobs=-1, random_state=42)
random_search.fit(X_train_final, y_train)
best_xgb_model = random_search.best_estimator_

y_pred = (best_xgb_model.predict_proba(X_test_final)[:, 1] >= 0.5).astype(int)
print(f"Recall: {recall_score(y_test, y_pred):.4f}")

artifacts = {
    'model': best_xgb_model,
    'encoder': encoder,
    'scaler': scaler,
    'numerical_cols': numerical_cols,
    'categorical_cols': categorical_cols,
}

with open('models/churn_model.pkl', 'wb') as f:
    pickle.dump(artifacts, f)
