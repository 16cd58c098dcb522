import streamlit as st
import requests
import time
from datetime import datetime
import re
from collections import defaultdict
import os
from typing import Dict, Tuple

st.set_page_config(page_title="vLLM Metrics Dashboard", layout="wide")

st.markdown("""
<style>
    .stMetric > div { background-color: white; padding: 15px; border-radius: 5px; }
</style>
""", unsafe_allow_html=True)


class PrometheusMetricsParser:
    """Parse Prometheus metrics from the vLLM /metrics endpoint"""

    def __init__(self, metrics_text: str):
        self.metrics = defaultdict(dict)
        for line in metrics_text.split('\n'):
            if line.startswith('#') or not line.strip():
                continue
            match = re.match(r'([a-zA-Z_:][a-zA-Z0-9_:]*){([^}]*)}?\s+([0-9.eE+-]+)', line)
            if match:
                labels = dict(re.findall(r'([^=]+)="([^"]*)"', match.group(2) or ""))
                self.metrics[match.group(1)][str(labels)] = {'value': float(match.group(3)), 'labels': labels}

    def get_metric(self, name: str) -> float:
        if name not in self.metrics or not self.metrics[name]:
            return None
        return list(self.metrics[name].values())[0]['value']


def fetch_metrics(endpoint: str) -> Tuple[bool, Dict]:
    try:
        response = requests.get(endpoint, timeout=5)
        response.raise_for_status()
        parser = PrometheusMetricsParser(response.text)
        return True, {
            'running': parser.get_metric('vllm:num_requests_running') or 0,
            'waiting': parser.get_metric('vllm:num_requests_waiting') or 0,
            'cache_usage': parser.get_metric('vllm:gpu_cache_usage_perc') or 0,
        }
    except requests.RequestException as e:
        return False, {'error': str(e)}
    except Exception as e:
        return False, {'error': f"Parsing error: {str(e)}"}


def main():
    endpoint = os.getenv("VLLM_METRICS_URL", "http://vllm:8000/metrics")
    refresh_ms = int(os.getenv("REFRESH_MS", "5000"))
    refresh_sec = refresh_ms / 1000

    st.title("vLLM Metrics Dashboard")

    success, metrics = fetch_metrics(endpoint)

    if success:
        st.success(f"Connected - {datetime.now().strftime('%H:%M:%S')}")
        col1, col2, col3 = st.columns(3)
        col1.metric("Running", int(metrics['running']))
        col2.metric("Waiting", int(metrics['waiting']))
        col3.metric("Cache usage", f"{metrics['cache_usage']:.1f}%")

        # Auto-refresh
        time.sleep(refresh_sec)
        st.rerun()
    else:
        st.error(f"Failed to fetch metrics: {metrics.get('error', 'Unknown error')}")
        time.sleep(5)
        st.rerun()


if __name__ == "__main__":
    main()
