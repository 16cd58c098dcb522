#!/usr/bin/env bash
set -e
docker compose -f integration_test/docker-compose.yml up -d --build
python integration_test/integration.py
docker compose -f integration_test/docker-compose.yml down
