import json
import pickle

import boto3


def lambda_handler(event, context):
    # Lambda can only write to /tmp, so the model is fetched there first.
    s3 = boto3.resource("s3")
    s3.Object("jpj-aws-cdk", "model.pkl").download_file("/tmp/model.pkl")

    model = pickle.load(open("/tmp/model.pkl", mode="r+b"))

    # The POST body arrives as the event, unchanged.
    prediction = model.predict(event)

    return {"statusCode": 200, "body": json.dumps(prediction.tolist())}
