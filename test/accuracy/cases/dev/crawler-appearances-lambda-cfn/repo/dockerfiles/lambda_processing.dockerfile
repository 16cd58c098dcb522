FROM public.ecr.aws/lambda/python:3.8

WORKDIR /app/entrypoint

COPY requirements.txt  .
RUN  pip3 install -r requirements.txt

COPY lambda_processing.py ${LAMBDA_TASK_ROOT}

CMD [ "lambda_processing.handler" ]
