#!/usr/bin/env python3
"""API probe: sends non-streaming requests at 1 RPS and measures latency."""

import argparse
import csv
import time
import sys
from datetime import datetime

import urllib3
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

try:
    import requests
except ImportError:
    print("Error: 'requests' library is required. Install with: pip install requests")
    sys.exit(1)


def parse_arguments():
    parser = argparse.ArgumentParser(description='API Probe - Send requests at 1 RPS and measure latency')
    parser.add_argument('--api-url', required=True)
    parser.add_argument('--api-token', default=None)
    parser.add_argument('--prompt', required=True)
    parser.add_argument('--requests', type=int, required=True)
    return parser.parse_args()


def send_request(api_url, api_token, prompt):
    headers = {'Content-Type': 'application/json'}
    if api_token:
        headers['Authorization'] = f'Bearer {api_token}'

    request_body = {"messages": [{"role": "user", "content": prompt}], "stream": False}

    start_time = time.time()
    start_time_str = datetime.fromtimestamp(start_time).strftime('%Y-%m-%d %H:%M:%S.%f')[:-3]

    try:
        response = requests.post(
            api_url,
            headers=headers,
            json=request_body,
            timeout=30,
            verify=False  # Disable SSL verification for local/dev servers
        )
        total_time_ms = int((time.time() - start_time) * 1000)
        return start_time_str, total_time_ms, response.status_code

    except requests.exceptions.RequestException as e:
        total_time_ms = int((time.time() - start_time) * 1000)
        print(f"Request error: {str(e)[:100]}...")
        return start_time_str, total_time_ms, -1


def save_metrics_to_csv(metrics, filename='metrics.csv'):
    with open(filename, 'w', newline='') as csvfile:
        writer = csv.DictWriter(csvfile, fieldnames=['request_number', 'start_time', 'total_time_ms', 'status'])
        writer.writeheader()
        for metric in metrics:
            writer.writerow(metric)


def main():
    args = parse_arguments()
    metrics = []
    test_start_time = time.time()

    for i in range(1, args.requests + 1):
        scheduled_start = test_start_time + (i - 1) * 1.0
        current_time = time.time()
        if current_time < scheduled_start:
            time.sleep(scheduled_start - current_time)

        start_time_str, total_time_ms, status_code = send_request(args.api_url, args.api_token, args.prompt)
        print(f"Request {i}: {total_time_ms} ms, status {status_code}")
        metrics.append({'request_number': i, 'start_time': start_time_str,
                        'total_time_ms': total_time_ms, 'status': status_code})

    save_metrics_to_csv(metrics)


if __name__ == "__main__":
    main()
