import csv
import json
import os
import urllib.parse
import urllib.request
import requests
from prefect import task, flow

DATALIMIT = 20000


@task
def generate_query_params(year, limit):
    return {
        "": f"starttime={year}-01-01&endtime={year}-12-31&minmagnitude=2.5&orderby=time",
        "limit": limit,
    }


@task
def build_query_url(url, params):
    query = urllib.parse.urlencode(params)
    return f"{url}?{query}"


@task(retries=4, retry_delay_seconds=2)
def load_data(url):
    response = requests.get(url, stream=True)

    response = urllib.request.urlopen(url)
    data = json.loads(response.read())
    return data


@task
def save_data(data, filename):
    fields = data[0].keys()
    with open(filename, "w", newline="") as file:
        writer = csv.DictWriter(file, fields)
        writer.writeheader()
        writer.writerows(data)


@flow
def collect_flow(data_path: str):
    os.makedirs(data_path, exist_ok=True)
    url = "https://earthquake.usgs.gov/fdsnws/event/1/query.csv"

    for year in (2022, 2023, 2024):
        params = generate_query_params(year, DATALIMIT)
        data = load_data(build_query_url(url, params))
        save_data(data, os.path.join(data_path, f"earthquake-{year}.csv"))
