from flask import Flask, request, jsonify, Response
import requests
import time
import psutil
from prometheus_client import Counter, Histogram, Gauge, generate_latest, CONTENT_TYPE_LATEST

app = Flask(__name__)

REQUEST_COUNT = Counter('http_requests_total', 'Total HTTP Requests', ['method', 'endpoint'])
REQUEST_LATENCY = Histogram('http_request_duration_seconds', 'HTTP Request Latency', ['endpoint'])
INFERENCE_LATENCY = Histogram('model_inference_duration_seconds', 'ML model inference latency in seconds')
CPU_USAGE = Gauge('system_cpu_usage', 'CPU Usage Percentage')
RAM_USAGE = Gauge('system_ram_usage', 'RAM Usage Percentage')

@app.route('/predict', methods=['POST'])
def predict():
    start_time = time.time()
    endpoint = request.path
    REQUEST_COUNT.labels(method=request.method, endpoint=endpoint).inc()

    data = request.get_json()

    api_url = "http://classifier:5000/predict"
    try:
        infer_start = time.time()
        response = requests.post(api_url, json=data)
        infer_duration = time.time() - infer_start
        INFERENCE_LATENCY.observe(infer_duration)
        duration = time.time() - start_time
        REQUEST_LATENCY.labels(endpoint=endpoint).observe(duration)
        return jsonify(response.json()), response.status_code
    except Exception as e:
        return jsonify({"error": str(e)}), 500

@app.route('/metrics', methods=['GET'])
def metrics():
    CPU_USAGE.set(psutil.cpu_percent(interval=1))
    RAM_USAGE.set(psutil.virtual_memory().percent)
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)

if __name__ == '__main__':
    app.run(host='0.0.0.0', port=8000)
