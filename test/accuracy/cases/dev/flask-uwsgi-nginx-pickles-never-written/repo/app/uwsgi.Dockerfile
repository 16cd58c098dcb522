FROM python:3.8

WORKDIR /usr/app/

# install the Python dependencies
COPY requirements.txt ./app_requirements/requirements.txt
RUN pip install --no-cache-dir -r ./app_requirements/requirements.txt

# copy the sources and train the model, serialising the objects
COPY src ./src
RUN python ./src/model_train.py

# serve the Flask app through uwsgi
CMD uwsgi --http 0.0.0.0:8000 --wsgi-file ./src/server.py --callable app --processes 2 --master
