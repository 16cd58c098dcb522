#!/bin/sh

PORT=${ML_API_PORT:-8000}

exec poetry run uvicorn --host 0.0.0.0 --port $PORT src.drivers.rest.main:app
