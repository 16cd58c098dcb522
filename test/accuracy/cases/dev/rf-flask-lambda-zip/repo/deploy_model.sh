#!/bin/bash

# Package the code and the model
zip deployment_package.zip app.py model.joblib

# Deploy with the AWS CLI
aws lambda create-function --function-name my_model --runtime python3.8 --role my_lambda_role --handler app.predict --zip-file fileb://deployment_package.zip
