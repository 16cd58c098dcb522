import os
import boto3
import json
import pickle

def lambda_handler(event, context):

    # Download the model from S3 (Lambda can only write to /tmp)
    s3 = boto3.resource('s3')
    bucket = s3.Bucket('jpj-aws-cdk')
    obj = bucket.Object('model.pkl')
    s3.Object('jpj-aws-cdk', 'model.pkl').download_file('/tmp/model.pkl')

    # Unpickle the model
    model = pickle.load(open('/tmp/model.pkl', mode='r+b'))

    # The event is the POST body as-is
    prediction = model.predict(event)

    return {
        'statusCode': 200,
        'body': json.dumps(prediction.tolist())
    }
