"""Sends prediction inputs and outputs to the monitoring extension."""
import requests


def log_inputs_for(request_id, inputs):
    requests.post("http://localhost:2772/inputs", json={"id": request_id, "inputs": inputs}, timeout=2)


def log_outputs_for(request_id, outputs):
    requests.post("http://localhost:2772/outputs", json={"id": request_id, "outputs": outputs}, timeout=2)
