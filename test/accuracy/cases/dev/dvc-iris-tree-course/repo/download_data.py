import os

import pandas as pd
import yaml
from sklearn.datasets import load_iris


def download_iris_dataset(output_path):
    iris = load_iris()
    df = pd.DataFrame(data=iris.data, columns=iris.feature_names)
    df['species'] = pd.Categorical.from_codes(iris.target, iris.target_names)
    os.makedirs(os.path.dirname(output_path), exist_ok=True)
    df.to_csv(output_path, index=False)


def main():
    with open("params.yaml", "r") as f:
        params = yaml.safe_load(f)
    download_iris_dataset(params.get("download", {}).get("output_path", "data/iris.csv"))


if __name__ == "__main__":
    main()
