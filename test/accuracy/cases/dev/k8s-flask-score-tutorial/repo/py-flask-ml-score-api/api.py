"""
api.py

A simple REST API for an imaginary machine-learning model, used to try out
Docker and Kubernetes.
"""

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)


@app.route('/score', methods=['POST'])
def score():
    """Score data using an imaginary machine learning model.

    Expects a JSON payload with X, an array of input features, and returns
    a JSON payload with score, an array of predictions.
    """
    try:
        features = request.json['X']
        return make_response(jsonify({'score': features}))
    except KeyError:
        raise RuntimeError('"X" cannot be be found in JSON payload.')


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000)
