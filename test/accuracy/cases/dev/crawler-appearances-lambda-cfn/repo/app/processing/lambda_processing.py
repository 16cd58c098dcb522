import logging
import requests
import json
import boto3
import os
import re
from urllib.parse import urljoin
from bs4 import BeautifulSoup

URL_PATTERN = r'[http|https\:\/\/]?[a-zA-Z0-9\.\/\?\:@\-_=#]+\.[a-zA-Z]{2,6}[a-zA-Z0-9\.\&\/\?\:@\-_=#]*'


class Crawler:
    """Finds the URLs referenced by a page."""

    def __init__(self, url):
        self.urls_to_visit = []
        self.query_url = url

    def download_url(self, url):
        return requests.get(url).text

    def get_linked_urls(self, url, html):
        paths = []
        soup = BeautifulSoup(html, 'html.parser')
        for link in soup.find_all('a'):
            path = link.get('href')
            if path:
                if path.startswith('/'):
                    path = urljoin(url, path)
            if re.match(URL_PATTERN, path):
                paths.append(path)
        return paths

    def crawl(self, url):
        html = self.download_url(url)
        for url in self.get_linked_urls(url, html):
            self.urls_to_visit.append(url)

    def run(self):
        url = self.query_url
        logging.info(f'Crawling: {url}')
        try:
            self.crawl(url)
        except Exception:
            logging.exception(f'Failed to crawl: {url}')


def get_visited_urls(client, tablename):
    response = client.scan(TableName=tablename)
    data = response['Items']
    while 'LastEvaluatedKey' in response:
        response = client.scan(TableName=tablename,
                               ExclusiveStartKey=response['LastEvaluatedKey'])
        data.extend(response['Items'])
    return [item['link']['S'] for item in data]


def create_dynamo_item(client, tablename, link, appearances):
    return client.put_item(
        TableName=tablename,
        Item={'link': {'S': link}, 'appearances': {'N': str(appearances)}},
    )


def update_appearances(client, table, link, appearances):
    return client.update_item(
        TableName=table,
        Key={'link': {'S': link}},
        UpdateExpression='set appearances=appearances + :f',
        ExpressionAttributeValues={':f': {'N': str(appearances)}},
        ReturnValues='UPDATED_NEW',
    )


def handler(event, context):

    logger = logging.getLogger()
    logger.setLevel(logging.DEBUG)
    logger.info("Event: %s", event)

    client = boto3.client('dynamodb')
    sqs = boto3.client("sqs")
    tablename = os.environ['TABLE_NAME']
    queue_url = os.environ["QUEUE_URL"]

    record = event["Records"][0]
    body = json.loads(record['body'])
    depth = body['Depth']
    query_url = body['Link']

    if re.match(URL_PATTERN, query_url) is None:
        logger.error("ERROR: Invalid URL")
        return {
            'statusCode': 500,
            'body': json.dumps('Invalid URL')
        }

    visited_urls = get_visited_urls(client, tablename)

    crawler = Crawler(query_url)
    crawler.run()
    references = crawler.urls_to_visit

    create_dynamo_item(client, tablename, query_url, 0)

    for link in references:
        if link in visited_urls:
            update_appearances(client, tablename, link, 1)
        else:
            create_dynamo_item(client, tablename, link, 1)

    if depth == 0:
        body = {'query_url': query_url, 'depth': depth, 'details': 'Done'}
    else:
        try:
            message_body = f'{{"Link": "{link}", "Depth": {depth-1}}}'
            sqs.send_message(QueueUrl=queue_url, MessageBody=message_body)
            body = {'query_url': query_url, 'depth': depth-1, 'details': 'Going deeper'}

        except Exception as e:
            logger.error("ERROR: %s", str(e))
            return {
                'statusCode': 500,
                'body': json.dumps(str(e))
            }

    return {
        'statusCode': 200,
        'body': json.dumps(body)
    }
