import os

import pandas as pd


def add_features(input_path="data/processed/clean_data.csv",
                 output_path="data/features/engineered_data.csv"):
    df = pd.read_csv(input_path)

    df["feature_mean"] = df.iloc[:, :-1].mean(axis=1)
    df["feature_std"] = df.iloc[:, :-1].std(axis=1)

    os.makedirs(os.path.dirname(output_path), exist_ok=True)
    df.to_csv(output_path, index=False)
    print(f"feature engineering done: {output_path}")
    return df


if __name__ == "__main__":
    add_features()
