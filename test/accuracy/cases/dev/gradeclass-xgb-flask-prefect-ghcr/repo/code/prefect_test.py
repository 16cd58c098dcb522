import os
import argparse
import subprocess

import mlflow
import pandas as pd
from mlflow.tracking import MlflowClient
from mlflow.types.schema import DataType
from prefect import flow, task


@task(name="Connect-server")
def connect_prefect(url="http://127.0.0.1:4200/api"):
    command = ["prefect", "config", "set", f"PREFECT_API_URL={url}"]
    subprocess.run(command, capture_output=True, text=True)


@task(name="align-signature")
def align_to_signature(df: pd.DataFrame, model) -> pd.DataFrame:
    """Pad / prune columns and cast them to the dtypes of the MLflow model signature."""
    sig = model.metadata.get_input_schema()
    cols = [spec.name for spec in sig.inputs]
    aligned = df.reindex(columns=cols, fill_value=0)
    for spec in sig.inputs:
        col = spec.name
        dtype = spec.type
        if dtype == DataType.long:
            aligned[col] = aligned[col].astype("int64", copy=False)
        elif dtype == DataType.double:
            aligned[col] = aligned[col].astype("float64", copy=False)
    return aligned


@task(name="parse-arguments")
def parse_args():
    parser = argparse.ArgumentParser(description="Run GradeClass inference on a single observation.")
    parser.add_argument("--data_location", type=str, default="../data/sample_test_input.csv")
    parser.add_argument("--save_processed", type=lambda x: x in ("True", "true"), default=False)
    return parser.parse_args()


@task(name="one_hot_encoding")
def one_hot_encoding(df):
    cat_cols = ["Age", "Gender", "Ethnicity", "ParentalEducation", "Tutoring"]
    gender_map = {0: "Male", 1: "Female"}
    df["Gender"] = df["Gender"].map(gender_map)
    df_with_dummies = pd.get_dummies(df, columns=cat_cols, prefix=cat_cols, drop_first=False)
    df_with_dummies.drop("StudentID", axis=1, inplace=True)
    return df_with_dummies


@task(name="get-model-uri")
def get_model_uri(model_name: str, stage: str) -> str:
    client = MlflowClient()
    # try preferred stage first
    latest = client.get_latest_versions(model_name, stages=[stage])
    if not latest:
        # fall back to "Production", then to the very latest version
        for alt in ("Production", "None"):
            latest = client.get_latest_versions(model_name, stages=[alt])
            if latest:
                break
    model_version = latest[0].version
    print(f"Using model '{model_name}' version {model_version} (stage={latest[0].current_stage})")
    return f"models:/{model_name}/{model_version}"


@flow(name="test-function", log_prints=True)
def main():
    grade_class_map = {0: "A", 1: "B", 2: "C", 3: "D", 4: "F"}
    args = parse_args()
    df = pd.read_csv(args.data_location, index_col=False)
    df = one_hot_encoding(df)
    try:
        mlflow.set_tracking_uri("http://127.0.0.1:5001")
    except mlflow.exceptions.MlflowException:
        mlflow.set_tracking_uri("http://127.0.0.1:5000")
    model_uri = get_model_uri("gradeclass-xgb-classifier", "Staging")
    model = mlflow.pyfunc.load_model(model_uri)
    df_aligned = align_to_signature(df, model)
    pred_class = model.predict(df_aligned)[0]
    print(f"GradeClass  : {grade_class_map[pred_class]}")
    if args.save_processed:
        out_path = os.path.splitext(args.data_location)[0] + "_encoded.csv"
        df_aligned.to_csv(out_path, index=False)


if __name__ == "__main__":
    connect_prefect()
    main()
