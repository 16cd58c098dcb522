import os

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler


def preprocess_secom(
    data_path="data/secom/secom.data",
    labels_path="data/secom/secom_labels.data",
    output_path="data/processed/clean_data.csv",
):
    os.makedirs("data/processed", exist_ok=True)

    df_features = pd.read_csv(data_path, sep=r"\s+", header=None)
    df_features = df_features.replace("NaN", np.nan)
    df_features = df_features.astype(float)

    imputer = SimpleImputer(strategy="mean")
    df_features_imputed = pd.DataFrame(imputer.fit_transform(df_features))

    scaler = StandardScaler()
    df_features_scaled = pd.DataFrame(scaler.fit_transform(df_features_imputed))

    df_labels = pd.read_csv(labels_path, sep=r"\s+", header=None)
    df_labels = df_labels.iloc[:, 0].rename("Y")

    df = pd.concat([df_features_scaled, df_labels], axis=1)
    df.to_csv(output_path, index=False)
    print(f"preprocessed file saved to {output_path}")
    return df


if __name__ == "__main__":
    df = preprocess_secom()
    print("Shape:", df.shape)
