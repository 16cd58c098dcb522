# Kubeflow Pipeline trigger script
