import json
import sys

import wandb

PROJECT_PATH = "example-team/NCERT-RAG-Sweep"
METRIC_TO_OPTIMIZE = "average_score"
OUTPUT_FILE = "best_config.json"

try:
    api = wandb.Api()
    # Every run of the project that logged the metric, best first.
    runs = api.runs(
        path=PROJECT_PATH,
        order=f"-summary_metrics.{METRIC_TO_OPTIMIZE}",
        filters={"summary_metrics." + METRIC_TO_OPTIMIZE: {"$exists": True}},
    )

    if not runs:
        print(f"Error: No successful runs found in project '{PROJECT_PATH}'.")
        sys.exit(1)

    best_run = runs[0]
    print(f"Found best run: {best_run.name}")
    print(f"Score ({METRIC_TO_OPTIMIZE}): {best_run.summary[METRIC_TO_OPTIMIZE]:.2f}")

    with open(OUTPUT_FILE, "w") as f:
        json.dump(best_run.config, f, indent=2)

    print(f"Saved best config to {OUTPUT_FILE}")

except Exception as e:
    print("Error connecting to W&B or finding runs.")
    print(f"Error: {e}")
    sys.exit(1)
