# DO NOT CHANGE VALUES FOR THIS FILE

REQUEST_QUEUE_NAME = 'requests_demo.fifo'
RESPONSE_QUEUE_NAME = 'response_demo.fifo'

MAX_RETRIES = 12

BUCKET_NAME = 'demo-cloud-bucket'

UPLOAD_FOLDER = './uploads/'

ALLOWED_EXTENSIONS = {'png', 'jpg', 'jpeg'}
SECRET_KEY = 'SECRET!!!'

S3_OUTPUT_FOLDER = 'OUTPUT/'
S3_INPUT_FOLDER = 'INPUT/'

QUEUE_ATTRIBUTES = {
    'FifoQueue': 'true',
    'ReceiveMessageWaitTimeSeconds': '5',
    'VisibilityTimeout': '30',
    'ContentBasedDeduplication': 'true'
}

USERDATA = '''#!/bin/bash
/usr/bin/python3 /home/ubuntu/cloud_project/cloud_iaas_project/apptier.py'''
