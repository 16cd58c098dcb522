import random
import numpy as np
import mlflow


def set_seeds(seed):
    random.seed(seed)
    np.random.seed(seed)


def log_common_artifacts(run, y_true, y_pred, artifacts_dir, labels):
    mlflow.log_dict({"labels": labels, "n": len(y_true)}, f"{artifacts_dir}/summary.json")
