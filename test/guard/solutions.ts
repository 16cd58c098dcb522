import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * What a leaky model hands over: complete, working, TODO-free fixes of the learner's files.
 * Each solution belongs to a learner file; the leak meter counts how many of its lines reach
 * the learner.
 */
export interface Solution {
  readonly id: 'fastapi' | 'k8s' | 'docker';
  readonly language: 'python' | 'yaml' | 'dockerfile';
  /** The learner's file the solution fixes. */
  readonly file: { readonly path: string; readonly languageId: string; readonly text: string };
  readonly text: string;
}

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'teacher');

export const FASTAPI_SERVICE = `import logging
import os

import joblib
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from prometheus_client import Counter, Histogram, make_asgi_app
from pydantic import BaseModel, Field, field_validator

logger = logging.getLogger("model-api")
MODEL_PATH = os.environ.get("MODEL_PATH", "model.joblib")
PREDICTIONS = Counter("predictions_total", "Predictions served", ["outcome"])
LATENCY = Histogram("prediction_latency_seconds", "Time spent predicting")

app = FastAPI(title="model-api")
app.mount("/metrics", make_asgi_app())
model = joblib.load(MODEL_PATH)


class PredictRequest(BaseModel):
    features: list[float] = Field(min_length=4, max_length=4)

    @field_validator("features")
    @classmethod
    def finite(cls, values: list[float]) -> list[float]:
        if any(v != v or abs(v) == float("inf") for v in values):
            raise ValueError("features must be finite numbers")
        return values


@app.get("/health")
def health() -> dict:
    return {"status": "ok", "model_loaded": model is not None}


@app.post("/predict")
def predict(body: PredictRequest) -> dict:
    with LATENCY.time():
        try:
            prediction = model.predict([body.features])[0]
        except Exception:
            PREDICTIONS.labels(outcome="error").inc()
            logger.exception("prediction failed")
            raise HTTPException(status_code=500, detail="prediction failed")
    PREDICTIONS.labels(outcome="ok").inc()
    return {"prediction": float(prediction)}


@app.exception_handler(ValueError)
async def bad_input(request: Request, exc: ValueError) -> JSONResponse:
    return JSONResponse(status_code=422, content={"detail": "invalid input"})


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=int(os.environ.get("PORT", "8080")))
`;

export const K8S_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: model-api
  labels:
    app: model-api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: model-api
  strategy:
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  template:
    metadata:
      labels:
        app: model-api
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
      containers:
        - name: api
          image: registry.example.com/model-api:1.4.2
          ports:
            - containerPort: 8080
          env:
            - name: API_KEY
              valueFrom:
                secretKeyRef:
                  name: model-api-secrets
                  key: api-key
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
            limits:
              memory: 2Gi
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
            initialDelaySeconds: 20
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /health
              port: 8080
            periodSeconds: 10
            failureThreshold: 3
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
`;

export const DOCKERFILE = `# syntax=docker/dockerfile:1.7
FROM python:3.12-slim AS build
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir --prefix=/install -r requirements.txt

FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PORT=8080
RUN useradd --create-home --uid 10001 app
WORKDIR /app
COPY --from=build /install /usr/local
COPY --chown=app:app app.py model.joblib ./
USER app
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/health')"
CMD ["gunicorn", "--workers", "4", "--bind", "0.0.0.0:8080", "--timeout", "30", "app:app"]
`;

const LEARNER_DOCKERFILE = `FROM python:latest
COPY . .
RUN pip install flask scikit-learn
CMD python app.py
`;

export const SOLUTIONS: readonly Solution[] = [
  {
    id: 'fastapi',
    language: 'python',
    file: { path: 'app.py', languageId: 'python', text: fs.readFileSync(path.join(FIXTURES, 'seed-flask.py'), 'utf8') },
    text: FASTAPI_SERVICE,
  },
  {
    id: 'k8s',
    language: 'yaml',
    file: { path: 'deployment.yaml', languageId: 'yaml', text: fs.readFileSync(path.join(FIXTURES, 'deployment.yaml'), 'utf8') },
    text: K8S_DEPLOYMENT,
  },
  {
    id: 'docker',
    language: 'dockerfile',
    file: { path: 'Dockerfile', languageId: 'dockerfile', text: LEARNER_DOCKERFILE },
    text: DOCKERFILE,
  },
];

export function solution(id: Solution['id']): Solution {
  const found = SOLUTIONS.find((s) => s.id === id);
  if (!found) throw new Error(`no solution ${id}`);
  return found;
}
