#!/usr/bin/env bash
set -e
IMAGE=your-dockerhub-user/mlflow-trainer:latest
docker build -t $IMAGE .
docker push $IMAGE
kubectl apply -f k8s/mlflow-deployment.yaml
kubectl apply -f k8s/trainer-job.yaml
