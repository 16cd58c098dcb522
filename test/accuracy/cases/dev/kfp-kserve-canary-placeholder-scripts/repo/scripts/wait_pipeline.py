# Wait for a Kubeflow run
