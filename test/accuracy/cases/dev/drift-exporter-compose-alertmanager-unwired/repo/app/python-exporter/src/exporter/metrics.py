from prometheus_client import Gauge, Counter

model_accuracy = Gauge('model_accuracy', 'Current validation accuracy of the model')

records_processed_total = Counter('records_processed_total', 'Total number of records fetched and processed')

retrain_count_total = Counter('retrain_count_total', 'Number of times the model has been retrained')

datalake_unavailable = Counter('datalake_unavailable', 'Number of times datalake returned 503 or failed')

# Request latency (Gauge, last measured latency)
response_delay_seconds = Gauge('response_delay_seconds', 'Response delay of datalake API in seconds')
