import socket
import logging
import boto3
from botocore.exceptions import ClientError
from constants import *

sqs_client = boto3.client('sqs')
s3_client = boto3.client('s3')
s3_res = boto3.resource('s3')
ec2_client = boto3.client('ec2')
ec2_res = boto3.resource('ec2')


def get_queue_url(queue_name):
    return sqs_client.get_queue_url(QueueName=queue_name)['QueueUrl']


def send_message(queue_url, message_attributes, message_group_id, message_body):
    response = sqs_client.send_message(
        QueueUrl=queue_url,
        MessageAttributes=message_attributes,
        MessageGroupId=message_group_id,
        MessageBody=message_body
    )
    return response['MessageId']


def receive_message(queue_url, num_messages):
    return sqs_client.receive_message(
        QueueUrl=queue_url,
        AttributeNames=['All'],
        MessageAttributeNames=['All'],
        MaxNumberOfMessages=num_messages,
    )


def delete_message(queue_url, receipt_handle):
    sqs_client.delete_message(
        QueueUrl=queue_url,
        ReceiptHandle=receipt_handle
    )


def upload_file(file_name, bucket_name, object_name):
    if object_name is None:
        object_name = file_name
    try:
        response = s3_client.upload_file(file_name, bucket_name, object_name)
        print(response)
    except ClientError as e:
        logging.error(e)
        return False
    return True


def read_from_bucket(bucket_name, object_name, expiration=7200):
    bucket = s3_res.Bucket(bucket_name)
    object = bucket.Object(object_name)
    print(object)
    object.download_file(object_name)


def get_instance_id():
    hostname = '{}.ec2.internal'.format(socket.gethostname())
    filters = [{'Name': 'private-dns-name', 'Values': [hostname]}]
    response = ec2_client.describe_instances(Filters=filters)["Reservations"]
    return response[0]['Instances'][0]['InstanceId']


def terminate_instance(instance_id):
    ec2_res.instances.filter(InstanceIds=[instance_id]).terminate()
