import sys

import pandas as pd
import yaml


def preprocess(input_file, output_file, features, target):
    df = pd.read_csv(input_file)
    df = df.dropna()
    df = df[features + [target]]
    df.to_csv(output_file, index=False)
    print(f"preprocessing done, written to {output_file}")


if __name__ == "__main__":
    input_file = sys.argv[1]
    output_file = sys.argv[2]
    with open(sys.argv[3]) as f:
        params = yaml.safe_load(f)
    preprocess(input_file, output_file, params["preprocessing"]["features"], params["preprocessing"]["target"])
