import argparse
from pathlib import Path

import pandas as pd
from sklearn.preprocessing import StandardScaler


def group_rare_categories(series, threshold=0.01):
    freq = series.value_counts(normalize=True)
    rare_labels = freq[freq < threshold].index
    return series.apply(lambda x: "Other" if x in rare_labels else x)


def main(file_path, output_path):
    df = pd.read_csv(file_path)

    # drop rows whose discharge code already tells the outcome
    leak_ids = [11, 13, 14, 19, 20, 21]
    df = df[~df["discharge_disposition_id"].isin(leak_ids)]

    cap = df["num_medications"].quantile(0.95)
    df["num_medications"] = df["num_medications"].clip(upper=cap)

    df["total_visits"] = df["number_inpatient"] + df["number_outpatient"] + df["number_emergency"]

    cat_cols = ["race", "diag_1_category", "diag_2_category", "diag_3_category"]
    for col in cat_cols:
        if col in df.columns:
            df[col] = group_rare_categories(df[col])

    num_cols = ["num_lab_procedures", "num_procedures", "num_medications", "time_in_hospital", "total_visits"]
    scaler = StandardScaler()
    existing_num_cols = [col for col in num_cols if col in df.columns]
    df[existing_num_cols] = scaler.fit_transform(df[existing_num_cols])

    output_path = Path(output_path)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(output_path, index=False)
    print(f"Cleaned data saved to: {output_path}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    main(args.input, args.output)
