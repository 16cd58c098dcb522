FROM python:3.14-slim

WORKDIR /app

RUN apt-get update && \
    apt-get install -y dirmngr gnupg build-essential && \
    rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir mlflow==2.9.2 gunicorn sqlalchemy boto3 psycopg2-binary

EXPOSE 5000

CMD ["mlflow", "server", "--host", "0.0.0.0", "--port", "5000", "--backend-store-uri", "sqlite:////db/mlflow.db", "--artifacts-destination", "file:///mlruns", "--serve-artifacts"]
