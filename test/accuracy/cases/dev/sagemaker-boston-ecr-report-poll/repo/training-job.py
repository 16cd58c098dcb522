#!/usr/bin/env python
import os

import pandas as pd
import boto3
import sagemaker
from sagemaker.estimator import Estimator

session = sagemaker.Session(boto3.session.Session())

BUCKET_NAME = os.environ['BUCKET_NAME']
PREFIX = os.environ['PREFIX']
REGION = os.environ['AWS_DEFAULT_REGION']
IAM_ROLE_NAME = os.environ['IAM_ROLE_NAME']
GITHUB_SHA = os.environ['GITHUB_SHA']

training_instance = 'ml.m5.large'

training_data_s3_uri = 's3://sample-sagemaker-cicd1/boston-housing-regression/train.csv'.format(
    BUCKET_NAME, PREFIX)
validation_data_s3_uri = 's3://sample-sagemaker-cicd1/boston-housing-regression/valid.csv'.format(
    BUCKET_NAME, PREFIX)

output_folder_s3_uri = 's3://{}/{}/output/'.format(BUCKET_NAME, PREFIX)
source_folder = 's3://{}/{}/source-folders'.format(BUCKET_NAME, PREFIX)

boston_estimator = Estimator(
    image_uri='123456789012.dkr.ecr.us-east-1.amazonaws.com/ecr_repo:latest',
    role=IAM_ROLE_NAME,
    instance_count=1,
    instance_type=training_instance,
    output_path=output_folder_s3_uri,
    code_location=source_folder,
    base_job_name='boston-housing-model',
    hyperparameters={'nestimators': 70},
    environment={
        "BUCKET_NAME": BUCKET_NAME,
        "PREFIX": PREFIX,
        "GITHUB_SHA": GITHUB_SHA,
        "REGION": REGION,
    },
)

boston_estimator.fit({'training': training_data_s3_uri,
                      'validation': validation_data_s3_uri}, wait=False)

training_job_name = boston_estimator.latest_training_job.name
hyperparameters_dictionary = boston_estimator.hyperparameters()

report = pd.read_csv(f's3://{BUCKET_NAME}/{PREFIX}/reports.csv')
while(len(report[report['commit_hash'] == GITHUB_SHA]) == 0):
    report = pd.read_csv(f's3://{BUCKET_NAME}/{PREFIX}/reports.csv')

res = report[report['commit_hash'] == GITHUB_SHA]
metrics_dataframe = res[['Train_MSE', 'Validation_MSE']]

message = (f"## Training Job Submission Report\n\n"
           f"Training Job name: '{training_job_name}'\n\n"
           f"Model hyperparameters: {hyperparameters_dictionary}\n\n"
           f"{metrics_dataframe.to_markdown(index=False)}\n\n")
print(message)

with open('details.txt', 'w') as outfile:
    outfile.write(message)
