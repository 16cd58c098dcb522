from sklearn.datasets import load_iris
from flask import Flask, request

import tasks
from celery.result import AsyncResult

app = Flask(__name__)


@app.route("/help")
def get_help():
    iris = load_iris()
    features = "\n".join(f"<li>{f}</li>" for f in iris["feature_names"])
    targets = "\n".join(f"<li>{t}</li>" for t in iris["target_names"])
    return f"<h1>Iris Prediction API</h1><ol>{features}</ol><ol>{targets}</ol>"


@app.route("/predict", methods=["POST"])
def predict():
    body = request.get_json()
    job = tasks.predict.delay(body["input-data"])
    return {"result-url": f"/result/{job.task_id}"}


@app.route("/result/<task_id>")
def get_results(task_id: str):
    res = AsyncResult(task_id, app=tasks.app)
    if res.state == "SUCCESS":
        return {"status": res.state, "predictions": res.get()}
    return {"status": res.state}


if __name__ == "__main__":
    app.run(debug=True, host="0.0.0.0", port=5000)
