import argparse

import bentoml
import mlflow

parser = argparse.ArgumentParser()
parser.add_argument("--run_id", required=True)
args = parser.parse_args()

model = mlflow.sklearn.load_model(f"runs:/{args.run_id}/model")
bentoml.sklearn.save_model("my-model", model)
