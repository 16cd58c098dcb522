import boto3
import logging
import json
import os

logger = logging.getLogger()
logger.setLevel(logging.DEBUG)


class Link():
    def __init__(self, url):
        self.url = url

    def get_features(self):
        url = self.url
        return {
            'feature1': len(url),
            'feature2': url.count('/'),
            'feature3': sum(1 for c in url if c in 'aeiou'),
            'feature4': int('.edu' in url),
            'feature5': int('.br' in url),
            'feature6': sum(1 for c in url if c.isalpha()),
            'feature7': sum(1 for c in url if c.isdigit()),
            'feature8': len(url.split('.')[-1]),
            'feature9': max(len(p) for p in url.split('.')),
            'feature10': 3,
        }


def handler(event, context):

    client = boto3.client('dynamodb')

    link = event['link']
    tablename = os.environ['TABLE_NAME']

    response = client.query(
        ExpressionAttributeValues={':v1': {'S': link}},
        KeyConditionExpression='link = :v1',
        TableName=tablename,
    )

    if len(response['Items']) == 0:
        features = Link(link).get_features()
        dynamo_features = {feature: {'N': str(value)} for feature, value in features.items()}
        client.put_item(
            TableName=tablename,
            Item={'link': {'S': link}, 'features': {'M': dynamo_features}},
        )

    elif len(response['Items']) == 1:
        if response['Items'][0].get('features'):
            features = dict()
            for feature, v in response['Items'][0]['features']['M'].items():
                features[feature] = list(v.values())[0]
        else:
            features = Link(link).get_features()
            dynamo_features = {feature: {'N': str(value)} for feature, value in features.items()}
            client.update_item(
                TableName=tablename,
                Key={'link': {'S': link}},
                UpdateExpression="set features=:f",
                ExpressionAttributeValues={':f': {"M": dynamo_features}},
            )
    else:
        raise Exception("Error when calling DynamoDB. Try again later")

    body = {'link': link, 'features': features}

    return {
        'statusCode': 200,
        'body': json.dumps(body)
    }
