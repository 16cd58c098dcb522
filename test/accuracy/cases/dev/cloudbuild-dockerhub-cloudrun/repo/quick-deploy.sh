#!/bin/bash
# Usage: ./quick-deploy.sh <docker-image> [service-name] [region]
set -e

DOCKER_IMAGE=$1
SERVICE_NAME=${2:-"dockerhub-app"}
REGION=${3:-"us-central1"}
PROJECT_ID=$(gcloud config get-value project 2>/dev/null)

TEMP_CONFIG=$(mktemp)
cat > "$TEMP_CONFIG" << EOF
steps:
  - name: 'gcr.io/cloud-builders/docker'
    args: ['pull', '$DOCKER_IMAGE']
  - name: 'gcr.io/cloud-builders/docker'
    args: ['tag', '$DOCKER_IMAGE', 'gcr.io/$PROJECT_ID/$SERVICE_NAME:latest']
  - name: 'gcr.io/cloud-builders/docker'
    args: ['push', 'gcr.io/$PROJECT_ID/$SERVICE_NAME:latest']
  - name: 'gcr.io/google.com/cloudsdktool/cloud-sdk'
    entrypoint: gcloud
    args: ['run', 'deploy', '$SERVICE_NAME', '--image', 'gcr.io/$PROJECT_ID/$SERVICE_NAME:latest', '--region', '$REGION', '--allow-unauthenticated', '--port', '8080']
images:
  - 'gcr.io/$PROJECT_ID/$SERVICE_NAME:latest'
EOF

gcloud builds submit --config="$TEMP_CONFIG"
rm "$TEMP_CONFIG"
