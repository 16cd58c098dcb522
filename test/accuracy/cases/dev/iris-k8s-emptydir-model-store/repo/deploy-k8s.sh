#!/bin/bash
# Kubernetes deployment script
set -e

if ! kubectl cluster-info &> /dev/null; then
    echo "Kubernetes cluster not running."
    exit 1
fi

kubectl apply -f k8s/namespace.yaml
kubectl apply -f k8s/mlflow-deployment.yaml
kubectl apply -f k8s/api-deployment.yaml

kubectl wait --for=condition=ready pod -l app=iris-api -n mlops --timeout=120s 2>/dev/null || true
kubectl wait --for=condition=ready pod -l app=mlflow -n mlops --timeout=120s 2>/dev/null || true

echo "Pods are ready!"
kubectl get pods -n mlops
