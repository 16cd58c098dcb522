FROM public.ecr.aws/lambda/python:3.8

COPY /app/predict/requirements.txt  .
RUN  pip3 install -r requirements.txt

COPY /app/predict/lambda_predict.py ${LAMBDA_TASK_ROOT}

CMD [ "lambda_predict.handler" ]
