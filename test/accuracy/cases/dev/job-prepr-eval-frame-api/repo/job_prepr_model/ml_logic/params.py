import os

LOCAL_REGISTRY_PATH = os.path.join(os.path.expanduser("~"), ".lewagon", "job_prepr", "training_outputs")
