#!/bin/sh
mlflow server --backend-store-uri "$DB_URI" --default-artifact-root "$ARTIFACT_PATH" --host 0.0.0.0 --port "$MLFLOW_PORT"
