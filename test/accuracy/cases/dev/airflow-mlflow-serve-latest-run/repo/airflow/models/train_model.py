import mlflow
import mlflow.sklearn
from sklearn.datasets import load_iris
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split


def run_training():
    iris = load_iris()
    X_train, X_test, y_train, y_test = train_test_split(iris.data, iris.target, test_size=0.2, random_state=42)

    clf = RandomForestClassifier(n_estimators=100, max_depth=3)
    clf.fit(X_train, y_train)
    preds = clf.predict(X_test)

    acc = accuracy_score(y_test, preds)
    print(f"Accuracy: {acc}")

    # the tracking server of docker-compose.yml
    mlflow.set_tracking_uri("http://mlflow-server:5000")

    if not mlflow.get_experiment_by_name("default"):
        mlflow.create_experiment("default")
    mlflow.set_experiment("default")

    with mlflow.start_run() as run:
        mlflow.log_param("n_estimators", 100)
        mlflow.log_param("max_depth", 3)
        mlflow.log_metric("accuracy", acc)
        mlflow.sklearn.log_model(clf, artifact_path="model")
        print(f"Model logged with run_id: {run.info.run_id}")
        return run.info.run_id


if __name__ == "__main__":
    run_training()
