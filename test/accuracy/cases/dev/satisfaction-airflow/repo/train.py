import warnings

import pandas as pd
from google.cloud import bigquery, storage
from joblib import dump
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import auc, roc_curve
from sklearn.model_selection import train_test_split

from score_satisfaction_V2.load_data import load_ringover_df_train, load_salesforce_df_train, target_definition_train
from score_satisfaction_V2.preprocessing import create_all_features_ringover, create_features_salesforce

warnings.filterwarnings("ignore")
client = bigquery.Client(project="pretto-apis")


def upload_blob(bucket_name, source_file_name, destination_blob_name):
    storage_client = storage.Client("pretto-apis")
    bucket = storage_client.bucket(bucket_name)
    blob = bucket.blob(destination_blob_name)
    blob.upload_from_filename(source_file_name)
    print("File {} uploaded to {}.".format(source_file_name, destination_blob_name))


def compute_auc(y_test, y_proba_test):
    fpr, tpr, roc_thresholds = roc_curve(y_test, y_proba_test)
    return auc(fpr, tpr)


def merge_all_features(Note):
    ringover_note = load_ringover_df_train(Note)
    features_Salesforce = load_salesforce_df_train(Note)
    all_features_ringover = create_all_features_ringover(ringover_note)
    print("fr", all_features_ringover.shape)
    features_Salesforce = create_features_salesforce(features_Salesforce)
    return pd.merge(all_features_ringover, features_Salesforce, on=["accountid", "sfid", "Date_com"], how="left")


def train_model():
    NPS_Avis = target_definition_train(
        "pretto-dataflow",
        "trustpilot/formated_input/NPS_corrected.csv",
        "trustpilot/formated_input/Avis_Google_Facebook.csv",
        "trustpilot/formated_input/Avis_Trustpilot.csv",
    )
    features = merge_all_features(NPS_Avis)
    features["IsGood"] = features["Note"] > 3
    features.dropna(inplace=True)
    y = features["IsGood"]
    X = features.drop(["IsGood"], axis=1)

    rf_best = RandomForestClassifier(
        class_weight="balanced",
        max_depth=15,
        min_samples_leaf=80,
        n_estimators=500,
        random_state=None,
    )

    X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y)
    X_train.drop(["accountid", "sfid"], axis=1, inplace=True)
    X_test.drop(["accountid", "sfid"], axis=1, inplace=True)

    rf_best.fit(X_train, y_train)

    y_pred_test = rf_best.predict(X_test)
    y_pred_train = rf_best.predict(X_train)
    print(f"auc train : {compute_auc(y_train, y_pred_train)}")
    print(f"auc test : {compute_auc(y_test, y_pred_test)}")

    args = {}
    args["bucket"] = "pretto-dataflow"
    args["model_trained"] = "model_v0.joblib"
    args["destination_model_name"] = "trustpilot/models/" + args["model_trained"]
    dump(rf_best, args["model_trained"])
    upload_blob(args["bucket"], args["model_trained"], args["destination_model_name"])
