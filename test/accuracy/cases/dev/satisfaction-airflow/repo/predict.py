import warnings
from datetime import date

import joblib
import pandas as pd
from google.cloud import bigquery, storage

from score_satisfaction_V2.load_data import target_definition_test
from score_satisfaction_V2.train import merge_all_features

warnings.filterwarnings("ignore")

bucket_name = "pretto-dataflow"
model_name = "trustpilot/models/model_v0.joblib"


def download_file_from_gcs(bucket_name, source_blob_name, destination_file_name):
    client = storage.Client(project="pretto-apis")
    bucket = client.get_bucket(bucket_name)
    blob = bucket.blob(source_blob_name)
    blob.download_to_filename(destination_file_name)


def load_model_fom_GCS(bucket_name, model_name):
    if ".joblib" in model_name:
        temporary_file_path = "temp_model.joblib"
        download_file_from_gcs(bucket_name, model_name, temporary_file_path)
        model = joblib.load(temporary_file_path)
    else:
        raise ValueError
    return model


def upload_file_to_gcs(bucket, source_file, destination_file):
    client = storage.Client(project="pretto-apis")
    bucket = client.get_bucket(bucket)
    blob = bucket.blob(destination_file)

    # loop until connection is done (useful for large file):
    flag = None
    while flag is not True:
        try:
            blob.upload_from_filename(source_file)
            flag = True
        except ConnectionError:
            print("\n Retry to upload file ...\n")
            pass


def upload_csv_to_bq(file_path, dataset, table_id, schema, write_disposition="WRITE_APPEND"):
    client = bigquery.Client("pretto-apis")
    table_id_full = f"pretto-apis.{dataset}.{table_id}"
    job_config = bigquery.LoadJobConfig(
        source_format=bigquery.SourceFormat.CSV,
        skip_leading_rows=1,
        schema=schema,
        write_disposition=write_disposition,
    )
    with open(file_path, "rb") as source_file:
        job = client.load_table_from_file(source_file, table_id_full, job_config=job_config)
        job.result()
        print(f"Full dataset from '{file_path}' uploaded to BQ at '{table_id_full}'")


def get_predict_probability_recent():
    NPS_Avis = target_definition_test()
    model = load_model_fom_GCS(bucket_name, model_name)
    features = merge_all_features(NPS_Avis)
    features.drop_duplicates(subset=["accountid", "sfid"], inplace=True)
    for col in features.columns:
        med = features[col].median()
        features[col].fillna(med, inplace=True)

    X = features.drop(["accountid", "sfid"], axis=1)
    X["proba_satisfaction"] = model.predict_proba(X)[:, 1]
    df_final = pd.concat([features, X[["proba_satisfaction"]]], axis=1)
    df_final["date_pred"] = str(date.today())
    df_final.to_csv("temp.csv", index=False)
    source_file = "temp.csv"
    destination_file = "trustpilot/predictions/predictions.csv"
    destination_file_bis = "trustpilot/predictions/prediction" + "_" + str(date.today()) + ".csv"

    format_bq = [
        {"type": "STRING", "name": "accountid", "mode": "NULLABLE"},
        {"type": "FLOAT", "name": "proba_satisfaction", "mode": "NULLABLE"},
    ]
    upload_file_to_gcs("pretto-dataflow", source_file, destination_file)
    upload_file_to_gcs("pretto-dataflow", source_file, destination_file_bis)
    download_file_from_gcs(bucket_name, "trustpilot/predictions/predictions.csv", "file_to_bq.csv")
    upload_csv_to_bq("file_to_bq.csv", "salesforce", "scoring_satisfaction", format_bq)
