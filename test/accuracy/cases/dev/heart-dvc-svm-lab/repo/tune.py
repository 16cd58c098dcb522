import os
import pandas as pd
import mlflow
import mlflow.sklearn
import joblib
from sklearn.svm import SVC
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score

mlflow.set_experiment("heart disease prediction")
train_data = pd.read_csv('data/train.csv')
X = train_data.drop('target', axis=1)
y = train_data['target']

X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, random_state=42)

C_values = [0.1, 1, 10]
kernels = ['linear', 'rbf']
os.makedirs('models_tuned', exist_ok=True)

with mlflow.start_run(run_name="svm_tuning") as parent_run:
    best_acc = 0
    best_model = None
    best_params = {}
    for C in C_values:
        for kernel in kernels:
            with mlflow.start_run(run_name=f"C={C}_kernel={kernel}", nested=True):
                model = SVC(C=C, kernel=kernel, probability=True, random_state=42)
                model.fit(X_train, y_train)
                acc = accuracy_score(y_val, model.predict(X_val))
                mlflow.log_param("C", C)
                mlflow.log_param("kernel", kernel)
                mlflow.log_metric("val_accuracy", acc)
                mlflow.sklearn.log_model(model, "model")
                if acc > best_acc:
                    best_acc = acc
                    best_model = model
                    best_params = {"C": C, "kernel": kernel}

    if best_model is not None:
        joblib.dump(best_model, os.path.join('models_tuned', 'model.pkl'))
        print(f"Best model saved with params {best_params} and accuracy {best_acc:.4f}")
