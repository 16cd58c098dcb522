import os
from fastapi import FastAPI, HTTPException
from .flat_price_handler import FlatPriceHandler
import logging
from prometheus_fastapi_instrumentator import Instrumentator
from prometheus_client import Counter, Histogram, Gauge
import psutil

log_dir = "logs"
if not os.path.exists(log_dir):
    os.makedirs(log_dir)

log_file = os.path.join(log_dir, "app.log")
logging.basicConfig(level=logging.INFO,
                    format="%(asctime)s - %(levelname)s - %(message)s",
                    handlers=[
                        logging.FileHandler(log_file),
                        logging.StreamHandler()
                    ])
logger = logging.getLogger(__name__)

app =FastAPI()

app.handler = FlatPriceHandler()

Instrumentator().instrument(app).expose(app)

# counts requests (a prediction above 0 means success)
total_requests = Counter('total_requests', 'Total number of requests')

successful_requests = Counter('successful_requests', 'Number of successful requests')

flat_app_predictions = Histogram('main_app_predictions', 'Prediction values')

memory_usage_gauge = Gauge('memory_usage', 'Memory usage of the application')

cpu_usage_gauge = Gauge('cpu_usage', 'CPU usage of the application')

"""
Grafana computes the share of successful requests with
rate(successful_requests[1m]) / rate(total_requests[1m])
"""

@app.post('/api/predict/')
def get_prediction(model_params: dict):
    try:
        prediction = app.handler.handle(model_params)
    except Exception as e:
        logger.error(f"Problem with request: {e}")
        raise HTTPException(status_code=500, detail=f'Problem with request: {e}')

    if 'predicted price' not in prediction:
        logger.error("Prediction does not contain 'predicted price'")
        raise HTTPException(status_code=500, detail='Prediction does not contain predicted price')

    total_requests.inc()
    if prediction['predicted price'] > 0:
        logger.info(f"Successful prediction: {prediction['predicted price']}")
        successful_requests.inc()

    memory_usage_gauge.set(psutil.virtual_memory().percent)
    cpu_usage_gauge.set(psutil.cpu_percent())

    return prediction
