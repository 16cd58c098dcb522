from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
import numpy as np
import json
import os

METRICS_DIR = "artifacts"
METRICS_PATH = os.path.join(METRICS_DIR, "metrics.json")


def evaluate_model(model, X_test, y_test):
    y_pred = model.predict(X_test)

    mae = mean_absolute_error(y_test, y_pred)
    rmse = np.sqrt(mean_squared_error(y_test, y_pred))
    r2 = r2_score(y_test, y_pred)
    metrics = {"mae": float(mae), "rmse": float(rmse), "r2_score": float(r2)}

    os.makedirs(METRICS_DIR, exist_ok=True)
    with open(METRICS_PATH, 'w') as f:
        json.dump(metrics, f, indent=4)

    print(f"   MAE: ${mae:,.2f}  RMSE: ${rmse:,.2f}  R2: {r2:.4f}")
    return metrics
