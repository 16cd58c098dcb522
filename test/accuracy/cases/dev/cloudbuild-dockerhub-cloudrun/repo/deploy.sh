#!/bin/bash
# Docker Hub to Cloud Run deployment script
set -e

PROJECT_ID=$(gcloud config get-value project 2>/dev/null)
if [ -z "$PROJECT_ID" ]; then
    echo "No project is set"
    exit 1
fi

DOCKER_IMAGE=$(grep "docker_image:" deploy-config.yaml | cut -d'"' -f2)
SERVICE_NAME=$(grep "service_name:" deploy-config.yaml | cut -d'"' -f2)
REGION=$(grep "region:" deploy-config.yaml | cut -d'"' -f2)
PORT=$(grep "port:" deploy-config.yaml | cut -d'"' -f2)
MEMORY=$(grep "memory:" deploy-config.yaml | cut -d'"' -f2)
CPU=$(grep "cpu:" deploy-config.yaml | cut -d'"' -f2)

if [ -z "$DOCKER_IMAGE" ] || [ "$DOCKER_IMAGE" = "your-dockerhub-username/your-image:latest" ]; then
    echo "Please update docker_image in deploy-config.yaml"
    exit 1
fi

read -p "Do you want to proceed with deployment? (y/N): " -n 1 -r
echo
if [[ ! $REPLY =~ ^[Yy]$ ]]; then
    echo "Deployment cancelled"
    exit 1
fi

ENVIRONMENT=${1:-production}
if [ "$ENVIRONMENT" = "staging" ]; then
    CONFIG_FILE="cloudbuild-dockerhub-staging.yaml"
else
    CONFIG_FILE="cloudbuild-dockerhub.yaml"
fi

gcloud builds submit \
    --config="$CONFIG_FILE" \
    --substitutions=_DOCKER_IMAGE="$DOCKER_IMAGE",_SERVICE_NAME="$SERVICE_NAME",_REGION="$REGION",_PORT="$PORT",_MEMORY="$MEMORY",_CPU="$CPU"

echo "Deployment triggered"
