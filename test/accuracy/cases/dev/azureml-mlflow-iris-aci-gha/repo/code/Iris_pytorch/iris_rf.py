from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
import mlflow

iris = load_iris()
data = iris.data
labels = iris.target

X_train, X_test, y_train, y_test = train_test_split(
    data, labels, test_size=0.2, random_state=42, shuffle=True, stratify=labels)

max_depth = 3
n_estimators = 50

model = RandomForestClassifier(max_depth=3, n_estimators=20)

model.fit(X_train, y_train)

with mlflow.start_run():

    y_predicted = model.predict(X_test)

    params_dict = {'n_estimators': n_estimators,
                   'max_depth': max_depth}
    mlflow.log_params(params_dict)

    accuracy = accuracy_score(y_test, y_predicted)
    mlflow.log_metrics({'accuracy': accuracy})

    mlflow.sklearn.log_model(model, 'model_rf')
    model_path = mlflow.get_artifact_uri('model_rf')
    print(model_path)
