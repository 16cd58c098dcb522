#!/usr/bin/env python
import os
import json
import joblib
from datetime import datetime, timezone

import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_squared_error
import boto3
import botocore


def update_report_file(metrics_dictionary: dict, hyperparameters: dict,
                       commit_hash: str, training_job_name: str,
                       prefix: str, bucket_name: str) -> None:
    object_key = f'{prefix}/reports.csv'
    s3 = boto3.resource('s3')

    try:
        s3.Bucket(bucket_name).download_file(object_key, 'reports.csv')
        reports_df = pd.read_csv('reports.csv')
    except botocore.exceptions.ClientError as e:
        if e.response['Error']['Code'] == '404':
            logging.info(f"reports.csv not found in S3 at {bucket_name}/{object_key}. Creating a new template.")
            columns = ['date_time', 'hyperparameters', 'commit_hash',
                       'training_job_name'] + list(metrics_dictionary.keys())
            pd.DataFrame(columns=columns).to_csv('./reports.csv', index=False)
            s3.Bucket(bucket_name).upload_file('./reports.csv', object_key)
            reports_df = pd.read_csv('./reports.csv')
        elif e.response['Error']['Code'] == 'AccessDenied':
            logging.error(f"Access denied to S3 bucket {bucket_name}. Check IAM permissions.")
            raise
        else:
            logging.error(f"Unexpected error: {e}")
            raise

    date_time = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    new_row = dict({'date_time': date_time, 'hyperparameters': json.dumps(hyperparameters),
                    'commit_hash': commit_hash, 'training_job_name': training_job_name},
                   **metrics_dictionary)
    new_report = pd.DataFrame(new_row, index=[0])
    reports_df = reports_df.append(new_report)

    reports_df.to_csv('./reports.csv', index=False)
    s3.Bucket(bucket_name).upload_file('./reports.csv', object_key)


def main():
    with open('/opt/ml/input/config/hyperparameters.json', 'r') as json_file:
        hyperparameters = json.load(json_file)
        print(hyperparameters)

    training_data_path = '/opt/ml/input/data/training'
    validation_data_path = '/opt/ml/input/data/validation'
    training_data = pd.read_csv(os.path.join(training_data_path, 'train.csv'))
    validation_data = pd.read_csv(os.path.join(validation_data_path, 'valid.csv'))

    X_train, y_train = training_data.iloc[:, 1:].values, training_data.iloc[:, :1].values
    X_val, y_val = validation_data.iloc[:, 1:].values, validation_data.iloc[:, :1].values

    # hardcoded the value to 10
    n_estimators = 10
    model = RandomForestRegressor(n_estimators=n_estimators)
    model.fit(X_train, y_train)

    train_mse = mean_squared_error(model.predict(X_train), y_train)
    val_mse = mean_squared_error(model.predict(X_val), y_val)

    metrics_dictionary = {'Train_MSE': train_mse, 'Validation_MSE': val_mse}
    print(metrics_dictionary)

    model_path = '/opt/ml/model'
    joblib.dump(model, os.path.join(model_path, 'model.joblib'))

    PREFIX = os.environ['PREFIX']
    BUCKET_NAME = os.environ['BUCKET_NAME']
    GITHUB_SHA = os.environ['GITHUB_SHA']
    TRAINING_JOB_NAME = os.environ['TRAINING_JOB_NAME']

    update_report_file(metrics_dictionary=metrics_dictionary, hyperparameters=hyperparameters,
                       commit_hash=GITHUB_SHA, training_job_name=TRAINING_JOB_NAME,
                       prefix=PREFIX, bucket_name=BUCKET_NAME)


if __name__ == '__main__':
    main()
