# Kubeflow pipeline definition
