/**
 * Deterministic, realistic inputs for `npm run bench`: an ML serving module of about 1,000
 * lines and a multi-document YAML of about 500 lines mixing Kubernetes, docker-compose, a
 * GitHub Actions workflow and Prometheus alert rules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const PY_HEADER = `"""Recommendation service: model loading, feature lookup and HTTP handlers."""
import json
import logging
import os
import pickle
import subprocess
import time
from typing import Any, Dict, List, Optional

import numpy as np
import requests
import yaml
from flask import Flask, jsonify, request
from pydantic import BaseModel, ValidationError

logger = logging.getLogger(__name__)
app = Flask(__name__)
MODEL_PATH = os.environ.get("MODEL_PATH", "/models/recommender.pkl")
FEATURE_URL = os.environ.get("FEATURE_URL", "http://features:8080")
API_TOKEN = "sk-test-1234567890abcdef"  # 테스트용 토큰


class PredictRequest(BaseModel):
    user_id: str
    items: List[str]
    limit: int = 10

`;

function pyBlock(i: number): string {
  return `
# --- 기능 ${i}: 사용자 특징을 불러오고 점수를 계산합니다 ---
def load_features_${i}(user_id: str) -> Dict[str, float]:
    """Fetch the features of one user from the feature store."""
    url = f"{FEATURE_URL}/users/{user_id}/features?set=${i}"
    response = requests.get(url)
    if response.status_code != 200:
        logger.warning("feature lookup failed for %s: %s", user_id, response.status_code)
        return {}
    payload = response.json()
    return {name: float(value) for name, value in payload.get("features", {}).items()}


def score_${i}(model: Any, features: Dict[str, float], items: List[str]) -> List[float]:
    vector = np.array([features.get(name, 0.0) for name in sorted(features)])
    scores = []
    for item in items:
        try:
            scores.append(float(model.predict_proba([vector])[0][1]))
        except Exception:
            pass
    return scores


@app.route("/v${i}/recommend", methods=["POST"])
def recommend_${i}():
    body = request.get_json()
    user_id = body["user_id"]
    started = time.time()
    with open(MODEL_PATH, "rb") as handle:
        model = pickle.load(handle)
    features = load_features_${i}(user_id)
    try:
        scores = score_${i}(model, features, body.get("items", []))
    except ValueError as error:
        return jsonify({"error": str(error)}), 500
    print("scored", user_id, len(scores), time.time() - started)
    return jsonify({"user_id": user_id, "scores": scores[: body.get("limit", 10)]})


def refresh_cache_${i}(path: str) -> None:
    config = yaml.load(open(path))
    subprocess.run(f"rsync -a {config['source']} /cache/${i}", shell=True, check=False)
    logger.info("cache ${i} refreshed from %s", config.get("source"))
`;
}

const PY_FOOTER = `

@app.route("/health")
def health():
    return jsonify({"status": "ok"})


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, debug=True)
`;

/** A Python serving module of at least `lines` lines. */
export function pythonService(lines = 1000): string {
  let text = PY_HEADER;
  for (let i = 1; text.split('\n').length + PY_FOOTER.split('\n').length < lines; i++) text += pyBlock(i);
  return text + PY_FOOTER;
}

function yamlGroup(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: recommender-${i}
  labels: { app: recommender-${i}, tier: serving }
spec:
  replicas: 1
  selector:
    matchLabels: { app: recommender-${i} }
  template:
    metadata:
      labels: { app: recommender-${i} }
    spec:
      containers:
        - name: api
          image: registry.example.com/recommender:latest
          ports:
            - containerPort: 8080
          env:
            - name: MODEL_PATH
              value: /models/recommender-${i}.pkl
            - name: DB_PASSWORD
              value: hunter2
          livenessProbe:
            httpGet: { path: /health, port: 8080 }
---
apiVersion: v1
kind: Service
metadata:
  name: recommender-${i}
spec:
  selector: { app: recommender-${i} }
  ports:
    - port: 80
      targetPort: 8080
---
services:
  api-${i}:
    image: registry.example.com/recommender:1.${i}.0
    ports: ["8080:8080"]
    depends_on: [db-${i}]
    environment:
      MODEL_PATH: /models/recommender.pkl
  db-${i}:
    image: postgres:16
    ports: ["5432:5432"]
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
---
name: train-${i}
on:
  push:
    branches: [main]
jobs:
  train:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: { python-version: "3.12" }
      - run: pip install -r requirements.txt
      - run: pytest || true
      - run: echo "\${{ github.event.head_commit.message }}"
---
groups:
  - name: recommender-${i}
    rules:
      - alert: HighErrorRate${i}
        expr: http_requests_total{status="500"} > 10
        labels: { severity: page }
        annotations:
          summary: "Recommender ${i} returns errors"
      - alert: SlowPredictions${i}
        expr: histogram_quantile(0.95, rate(predict_seconds_bucket[5m])) > 0.5
        for: 10m
`;
}

/** A multi-document YAML of at least `lines` lines. */
export function multiDocYaml(lines = 500): string {
  const groups: string[] = [];
  for (let i = 1; groups.join('---\n').split('\n').length < lines; i++) groups.push(yamlGroup(i));
  return groups.join('---\n');
}

/**
 * The realistic Python corpus of the side-by-side runs: the learners' starter files of every
 * curriculum week, the demo, integration and teacher workspaces, the real public repositories
 * of the accuracy corpus's dev set when it is present (test/accuracy/cases/dev; the held-out set
 * is read by nothing but the accuracy script), and the generated service.
 * Returned as relative path -> text, in a stable order.
 */
export function realisticPythonCorpus(root: string): [string, string][] {
  const files: [string, string][] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.py')) files.push([path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8')]);
    }
  };
  for (const dir of ['curriculum', 'test/fixtures/demo-workspace', 'test/fixtures/integration-workspace', 'test/fixtures/teacher', 'test/accuracy/cases/dev'])
    walk(path.join(root, dir));
  files.push(['service/recommend_service.py', pythonService(1000)]);
  return files;
}
