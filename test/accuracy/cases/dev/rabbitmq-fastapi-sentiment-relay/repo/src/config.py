url = 'host.docker.internal'
port = 5672

cred_id = 'guest'
cred_pw = 'guest'

source_vhost = 'stt'
source_queue = 'stt_queue'

dest_vhost = 'output'
dest_queue = 'output_queue'

model_url = 'http://host.docker.internal:8000/text_classification/sentiment/'
