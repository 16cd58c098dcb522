import json
import os
from datetime import datetime

import boto3
import requests

sagemaker_runtime = boto3.client('sagemaker-runtime')


def translate_text(text, target_language):
    translate = boto3.client('translate')
    result = translate.translate_text(Text=text, SourceLanguageCode="ja", TargetLanguageCode=target_language)
    return result.get('TranslatedText')


def get_sentiment_from_sagemaker(translated_text):
    try:
        print(f'Sending to SageMaker: {translated_text}')
        response = sagemaker_runtime.invoke_endpoint(
            EndpointName=os.environ['SAGEMAKER_ENDPOINT_NAME'],
            ContentType='text/plain',
            Body=translated_text
        )
        response_body = response['Body'].read().decode()
        if not response_body:
            raise ValueError("Empty response from SageMaker")
        return response_body
    except Exception as e:
        print(f"SageMaker invocation failed: {str(e)}")
        raise


def lambda_handler(event, context):
    try:
        slack_webhook_url = os.environ['SLACK_WEBHOOK_URL']
        openai_api_key = os.environ['OPENAI_API_KEY']

        if 'body' not in event:
            return {'statusCode': 400, 'body': json.dumps('No body in the request')}
        body = json.loads(event['body'])
        user_input = body.get('input', '').strip()
        print('User input:', user_input)
        if not user_input:
            return {'statusCode': 400, 'body': json.dumps('Input text cannot be empty.')}

        sentiment = get_sentiment_from_sagemaker(translate_text(user_input, "en"))
        message = f"input: '{user_input}' - sentiment: {sentiment}"

        headers = {'Content-Type': 'application/json', 'Authorization': f'Bearer {openai_api_key}'}
        openai_response = requests.post(
            'https://api.openai.com/v1/engines/text-davinci-003/completions',
            headers=headers,
            json={'prompt': message, 'max_tokens': 150}
        )
        openai_answer = openai_response.json().get('choices')[0].get('text').strip()
        requests.post(slack_webhook_url, data=json.dumps({'text': openai_answer}))

        dynamodb = boto3.resource('dynamodb')
        table = dynamodb.Table('UserFeedback')
        table.put_item(Item={'UserID': event.get('user_id', 'unknown'), 'Timestamp': str(datetime.now()), 'Response': openai_answer})

        return {'statusCode': 200, 'body': json.dumps({'message': openai_answer})}
    except Exception as e:
        print(f"Error processing the request: {str(e)}")
        return {'statusCode': 500, 'body': json.dumps('Error processing the request')}
