# train.py
"""
Train a classifier on the Olivetti faces dataset.
Saves model + test split to models/savedmodel.pth and prints TEST_ACCURACY for CI.
"""
import os
import joblib
from sklearn.datasets import fetch_olivetti_faces
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score
from sklearn.ensemble import RandomForestClassifier


def main():
    data = fetch_olivetti_faces(shuffle=True, random_state=42)
    X = data.data
    y = data.target

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, train_size=0.7, random_state=42, stratify=y
    )

    clf = RandomForestClassifier(n_estimators=150, random_state=42, n_jobs=-1)
    clf.fit(X_train, y_train)

    os.makedirs('models', exist_ok=True)
    joblib.dump({'model': clf, 'X_test': X_test, 'y_test': y_test}, 'models/savedmodel.pth')

    preds = clf.predict(X_test)
    acc = accuracy_score(y_test, preds)
    print(f"TEST_ACCURACY: {acc:.4f}")


if __name__ == '__main__':
    main()
