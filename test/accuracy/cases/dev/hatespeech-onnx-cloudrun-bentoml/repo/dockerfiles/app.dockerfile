FROM python:3.11-slim

ENV PORT=8080

WORKDIR /app

RUN apt-get update && apt-get install -y \
    build-essential \
    git \
    curl \
    && rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir \
    fastapi \
    uvicorn \
    pydantic \
    torch \
    transformers \
    google-cloud-storage

COPY src/mlops_hatespeech/app.py /app/app.py

EXPOSE $PORT

CMD exec uvicorn app:app --host 0.0.0.0 --port $PORT
