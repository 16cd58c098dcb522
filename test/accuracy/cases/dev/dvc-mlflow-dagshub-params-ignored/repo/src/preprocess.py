import pandas as pd
import sys
import os
import yaml

root_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
params_path = os.path.join(root_dir, "params.yaml")
params = yaml.safe_load(open(params_path))["preprocess"]


def preprocess(input_path, output_path):
    data = pd.read_csv(input_path)
    os.makedirs(os.path.dirname(output_path), exist_ok=True)
    data.to_csv(output_path, header=None, index=False)
    print(f"Preprocessed Data saved to {output_path}")


if __name__ == "__main__":
    input_path = os.path.join(root_dir, params["input"])
    output_path = os.path.join(root_dir, params["output"])

    preprocess(input_path, output_path)
