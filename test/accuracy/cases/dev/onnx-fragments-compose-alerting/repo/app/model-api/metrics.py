from opentelemetry import metrics
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.exporter.prometheus import PrometheusMetricReader
from prometheus_client import start_http_server

start_http_server(port=8099, addr="0.0.0.0")

resource = Resource(attributes={SERVICE_NAME: "gdgaic-lossteach-model"})
reader = PrometheusMetricReader()
provider = MeterProvider(resource=resource, metric_readers=[reader])

metrics.set_meter_provider(provider)

meter = metrics.get_meter("lossteach-ggaic", "1.0")
