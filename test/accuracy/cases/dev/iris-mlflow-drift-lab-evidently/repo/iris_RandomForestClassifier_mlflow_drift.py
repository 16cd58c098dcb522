import mlflow
import mlflow.sklearn
from mlflow.models import infer_signature

from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, precision_score, recall_score, f1_score

import numpy as np
import json

# from evidently.report import Report         # <-- only for version < 0.7.x
from evidently import Report                  # <-- only for version >= 0.7.x
from evidently.presets import DataDriftPreset

from datetime import datetime

timestamp = datetime.now().strftime("%Y%m%d-%H%M%S")
run_name = f"random-forest-v2-drifted-{timestamp}"

# Local MLflow server
mlflow.set_tracking_uri("http://127.0.0.1:5000")
print(f"Tracking URI: {mlflow.get_tracking_uri()}")

experiment_name = "iris-classification-drift-handling"
mlflow.set_experiment(experiment_name)

iris_data = load_iris(as_frame=True)
df = iris_data.frame
X = df.drop(columns=["target"])
y = df["target"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

with mlflow.start_run(run_name=run_name) as run:

    mlflow.sklearn.autolog()

    n_estimators = 100
    max_depth = 5
    random_state = 42

    mlflow.log_param("model_type", "RandomForestClassifier")
    mlflow.log_param("n_estimators", n_estimators)
    mlflow.log_param("max_depth", max_depth)
    mlflow.log_param("random_state", random_state)
    mlflow.log_param("dataset", "iris")

    model = RandomForestClassifier(
        n_estimators=n_estimators,
        max_depth=max_depth,
        random_state=random_state
    )
    model.fit(X_train, y_train)

    y_pred = model.predict(X_test)

    accuracy = accuracy_score(y_test, y_pred)
    precision = precision_score(y_test, y_pred, average="weighted")
    recall = recall_score(y_test, y_pred, average="weighted")
    f1 = f1_score(y_test, y_pred, average="weighted")

    mlflow.log_metric("accuracy", accuracy)
    mlflow.log_metric("precision", precision)
    mlflow.log_metric("recall", recall)
    mlflow.log_metric("f1_score", f1)

    signature = infer_signature(X_train, model.predict(X_train))
    input_example = X_train.iloc[:1]
    mlflow.sklearn.log_model(
        sk_model=model,
        name="model",
        signature=signature,
        input_example=input_example,
        registered_model_name=None  # registered via the UI
    )

    run_id = run.info.run_id
    print(f"Run ID: {run_id}")
    print(f"  - Accuracy:  {accuracy:.4f}")
    print(f"  - F1 Score:  {f1:.4f}")

    # Simulate drift on one feature
    X_drifted = X_test.copy()
    X_drifted["sepal length (cm)"] += np.random.normal(loc=2.0, scale=0.3, size=len(X_drifted))

    report = Report(metrics=[DataDriftPreset()])
    snapshot = report.run(current_data=X_drifted, reference_data=X_train)
    snapshot.save_html("drift_report.html")

    mlflow.log_artifact("drift_report.html", "drift_reports")

    y_pred_drifted = model.predict(X_drifted)
    accuracy_drifted = accuracy_score(y_test, y_pred_drifted)
    print(f"Model accuracy on drifted data:  {accuracy_drifted:.4f}")

    mlflow.log_metric("accuracy_drifted", accuracy_drifted)
    mlflow.log_metric("performance_change", accuracy_drifted - accuracy)

print("DRIFT DETECTION RESULTS")

json_str = snapshot.json()
drift_results = json.loads(json_str)
drift_metrics = drift_results.get("metrics", [])

drifted_count = 0
total_features = 0
feature_drifts = []

for metric in drift_metrics:
    metric_id = metric.get("metric_id", "")

    if "DriftedColumnsCount" in metric_id:
        drifted_count = int(metric["value"]["count"])
        drift_share = metric["value"]["share"]
        total_features = int(drifted_count / drift_share) if drift_share > 0 else 0

    elif "ValueDrift" in metric_id:
        feature_name = metric_id.split("column=")[1].replace(")", "")
        drift_value = metric["value"]
        # low p-value (< 0.05) means drift
        is_drifted = drift_value < 0.05
        feature_drifts.append({
            "feature": feature_name,
            "drift_value": drift_value,
            "drifted": is_drifted
        })

print(f"   Drifted Features: {drifted_count}/{total_features} ({drift_share:.1%})")
print(f"   Dataset Drift: {'DETECTED' if drifted_count > 0 else 'No drift'}")

for feature in feature_drifts:
    status = "DRIFT" if feature["drifted"] else "No drift"
    print(f"   - {feature['feature']:20} {status} (p-value: {feature['drift_value']:.6f})")

print("View detailed report: http://127.0.0.1:5000")
