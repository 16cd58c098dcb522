"""Daily inference: score today's repositories with the latest registered model."""

import os
import joblib
import pandas as pd
from datetime import datetime

from github_predictor.pipelines.hopsworks_client import HopsworksClient
from github_predictor.utils.config import (
    load_env_vars,
    PROJECT_ROOT,
)


def run_predict():
    """Main function to run the inference pipeline."""

    load_env_vars()

    hops_client = HopsworksClient()
    hops_client.connect()

    model_name = "github_trending_predictor"
    try:
        model_registry = hops_client.model_registry
        models = model_registry.get_models(name=model_name)
        latest_model = max(models, key=lambda m: m.version)
        print(f"Using model version: {latest_model.version}")
    except:
        print("No models found. Please run the training pipeline first.")
        return

    model_dir = latest_model.download()
    model = joblib.load(os.path.join(model_dir, "model.pkl"))
    ohe = joblib.load(
        os.path.join(model_dir, "language_encoder.pkl")
    )

    hops_client.get_or_create_feature_group()

    # Read all data and filter for today's collection_date
    today_str = datetime.now().strftime("%Y-%m-%d")
    all_data = hops_client.feature_group.read()

    data = all_data[all_data["collection_date"].dt.strftime("%Y-%m-%d") == today_str]

    if data.empty:
        print("No new data found for inference.")
        return

    inference_data = data.copy()
    repo_names = inference_data["repo_name"]

    X = inference_data.drop(
        ["repo_name", "collection_date", "hn_buzz_score", "is_trending", "created_at"],
        axis=1,
        errors="ignore",
    )

    language_encoded = ohe.transform(X[["language"]])
    language_df = pd.DataFrame(
        language_encoded, columns=ohe.get_feature_names_out(["language"]), index=X.index
    )
    X = pd.concat([X.drop("language", axis=1), language_df], axis=1)

    predictions = model.predict_proba(X)[:, 1]

    results = pd.DataFrame(
        {
            "repo_name": repo_names,
            "language": data["language"],
            "probability": predictions,
        }
    )

    results = results.sort_values(by="probability", ascending=False).head(50)

    predictions_path = PROJECT_ROOT / "predictions.json"
    output = {
        "prediction_date": today_str,
        "predictions": results.to_dict(orient="records"),
    }
    import json

    with open(predictions_path, "w") as f:
        json.dump(output, f, indent=4)

    print(f"Top 50 predictions saved to {predictions_path}")


if __name__ == "__main__":
    run_predict()
