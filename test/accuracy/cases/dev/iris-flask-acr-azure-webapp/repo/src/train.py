import joblib
import mlflow
import mlflow.sklearn
from mlflow.models.signature import infer_signature
from sklearn.datasets import load_iris
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split


def main():
    data = load_iris()
    X, y = data.data, data.target

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

    rf = RandomForestClassifier(n_estimators=50, random_state=42)

    with mlflow.start_run():
        rf.fit(X_train, y_train)

        y_pred = rf.predict(X_test)
        acc = accuracy_score(y_test, y_pred)
        print(f"Accuracy = {acc}")

        mlflow.log_param("n_estimators", 50)
        mlflow.log_metric("accuracy", acc)

        signature = infer_signature(X_train, rf.predict(X_train))
        mlflow.sklearn.log_model(rf, "random_forest_model", signature=signature, input_example=X_train[:5])

    joblib.dump(rf, "random_forest.pkl")
    print("Model saved locally to random_forest.pkl")


if __name__ == "__main__":
    main()
