import mlflow
import mlflow.sklearn
from flask import Flask, request, jsonify
from threading import Thread
import subprocess
import sys
import os
import time

app = Flask(__name__)

MLFLOW_TRACKING_URI = "sqlite:////app/mlflow.db"
os.environ["MLFLOW_TRACKING_URI"] = MLFLOW_TRACKING_URI

mlflow.set_tracking_uri(MLFLOW_TRACKING_URI)
mlflow.set_experiment("iris-classification")


def start_mlflow_server():
    subprocess.run([
        sys.executable, "-m", "mlflow", "server",
        "--host", "0.0.0.0",
        "--port", "5000",
        "--backend-store-uri", MLFLOW_TRACKING_URI,
        "--default-artifact-root", "/app/mlruns"
    ])


def get_latest_model():
    try:
        runs = mlflow.search_runs(experiment_names=["iris-classification"])
        if not runs.empty:
            latest_run_id = runs.iloc[0]['run_id']
            model_uri = f"runs:/{latest_run_id}/iris_model"
            return mlflow.sklearn.load_model(model_uri)
    except Exception as e:
        print(f"Error loading model: {e}")
    return None


def train_model():
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.model_selection import train_test_split
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.datasets import load_iris

    X, y = load_iris(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

    with mlflow.start_run():
        model = RandomForestClassifier(n_estimators=100, random_state=42, max_depth=5)
        model.fit(X_train, y_train)

        y_pred = model.predict(X_test)
        accuracy = accuracy_score(y_test, y_pred)
        f1 = f1_score(y_test, y_pred, average='weighted')

        mlflow.log_metric('accuracy', accuracy)
        mlflow.log_metric('f1_score', f1)
        mlflow.log_param('n_estimators', 100)
        mlflow.log_param('max_depth', 5)
        mlflow.sklearn.log_model(model, 'iris_model')

        print(f"Model trained - Accuracy: {accuracy:.4f}")


@app.route('/train', methods=['POST'])
def train():
    try:
        train_model()
        return jsonify({"status": "success", "message": "Model trained successfully"})
    except Exception as e:
        return jsonify({"status": "error", "message": str(e)}), 500


@app.route('/predict', methods=['POST'])
def predict():
    try:
        data = request.get_json()
        features = data.get('features')

        if not features:
            return jsonify({"error": "No features provided"}), 400

        model = get_latest_model()
        if model is None:
            return jsonify({"error": "No trained model found. Train a model first using /train"}), 404

        prediction = model.predict([features])

        iris_classes = ['setosa', 'versicolor', 'virginica']
        predicted_class = iris_classes[int(prediction[0])]

        return jsonify({
            "prediction": int(prediction[0]),
            "class": predicted_class,
            "features": features
        })
    except Exception as e:
        return jsonify({"error": str(e)}), 500


@app.route('/health', methods=['GET'])
def health():
    model = get_latest_model()
    return jsonify({
        "status": "healthy",
        "mlflow_uri": MLFLOW_TRACKING_URI,
        "model_available": model is not None
    })


@app.route('/', methods=['GET'])
def root():
    return jsonify({
        "service": "MLflow + Prediction Server",
        "endpoints": {"GET /health": "Health check", "POST /train": "Train", "POST /predict": "Predict"},
    })


if __name__ == '__main__':
    print("Starting MLflow server...")
    mlflow_thread = Thread(target=start_mlflow_server, daemon=True)
    mlflow_thread.start()

    time.sleep(3)

    print("Starting Flask prediction server...")
    app.run(host='0.0.0.0', port=8000, debug=False)
