import mlflow
import matplotlib.pyplot as plt
import os
from sklearn.datasets import load_diabetes
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split

# Tracking server comes from MLFLOW_TRACKING_URI (set for the client container)
mlflow.set_experiment(experiment_id="0")

data = load_diabetes()
X_train, X_test, y_train, y_test = train_test_split(data.data, data.target)

with mlflow.start_run():
    mlflow.autolog()

    model = RandomForestRegressor(n_estimators=100, max_depth=4)
    model.fit(X_train, y_train)

    preds = model.predict(X_test)

    plt.figure(figsize=(6, 6))
    plt.scatter(y_test, preds, alpha=0.7)
    plt.xlabel("Actual")
    plt.ylabel("Predicted")
    plt.title("Predicted vs Actual")
    plt.grid(True)

    os.makedirs("artifacts", exist_ok=True)
    plot_path = "pred_vs_actual.png"
    plt.savefig(plot_path)
    plt.close()
    mlflow.log_artifact(plot_path)

    with open("summary.txt", "w") as f:
        f.write("Model trained successfully with RandomForestRegressor.\n")
    mlflow.log_artifact("summary.txt")
