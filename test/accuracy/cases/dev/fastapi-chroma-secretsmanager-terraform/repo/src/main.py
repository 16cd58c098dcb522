import base64
import json
import time
import uuid
from typing import List

import boto3
import chromadb
import openai
from chromadb.utils import embedding_functions
from fastapi import FastAPI, HTTPException, Depends, Request, status
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.security import APIKeyHeader
from pydantic import BaseModel

app = FastAPI()
# os.environ['OPENAI_API_KEY'] = "sk-Zq7TfakeK3yVw9LmN2pXr4sTuV6wXyZa1bCdEfGhIjKlMnOp"

openai.api_key = ""

EMBEDDING_MODEL = "text-embedding-ada-002"


class QA(BaseModel):
    question: str
    answer: str


class Question(BaseModel):
    question: str


client = boto3.client("logs", region_name="us-west-1")
LOG_GROUP = "my-log-group"
LOG_STREAM = "my-log-stream"
sequence_token = None


def get_secret():
    secret_name = "example_secret"
    region_name = "us-west-1"
    session = boto3.session.Session()
    client = session.client(service_name="secretsmanager", region_name=region_name)
    try:
        get_secret_value_response = client.get_secret_value(SecretId=secret_name)
    except Exception as e:
        print(e)
        raise e
    else:
        if "SecretString" in get_secret_value_response:
            return get_secret_value_response["SecretString"]
        return base64.b64decode(get_secret_value_response["SecretBinary"])


def log_to_cloudwatch(message):
    global sequence_token
    event_log = {
        "logGroupName": LOG_GROUP,
        "logStreamName": LOG_STREAM,
        "logEvents": [{"timestamp": int(time.time() * 1000), "message": message}],
    }
    if sequence_token:
        event_log["sequenceToken"] = sequence_token
    response = client.put_log_events(**event_log)
    sequence_token = response["nextSequenceToken"]


app.add_middleware(TrustedHostMiddleware, allowed_hosts=["*"])

secret_string = get_secret()
secret_keys = json.loads(secret_string)
API_KEY_NAME = "secret-api-key"
API_KEY = "my-secret-api-token"  # Store this securely, don't hard-code in production
CHROMA_AUTH = secret_keys["CHROMA_AUTH_TOKEN"]
MAX_RETRIES = 5
RETRY_DELAY = 5
headers = {"Authorization": f"Bearer {CHROMA_AUTH}"}
for attempt in range(MAX_RETRIES):
    try:
        client = chromadb.HttpClient(host=secret_keys["PUBLIC_IP_ADDRESS"], port=8000, headers=headers)
        client.list_collections()
        break
    except Exception as e:
        if attempt < MAX_RETRIES - 1:
            print(f"Attempt {attempt + 1} failed. Retrying in {RETRY_DELAY} seconds...")
            time.sleep(RETRY_DELAY)
        else:
            raise e
openai_ef = embedding_functions.OpenAIEmbeddingFunction(
    api_key=secret_keys["OPENAI_API_KEY"],
    model_name="text-embedding-ada-002",
)
api_key_header = APIKeyHeader(name=API_KEY_NAME, auto_error=False)
collection = client.get_or_create_collection(name="my_collection", embedding_function=openai_ef)


async def get_current_api_key(api_key_header: str = Depends(api_key_header)):
    if api_key_header != API_KEY:
        print(api_key_header)
        print(API_KEY)
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Invalid API Key")
    return api_key_header


@app.post("/index/", tags=["indexing"])
async def index_data(request: Request, data: QA, api_key: str = Depends(get_current_api_key)) -> dict:
    try:
        collection.add(
            documents=[data.question + "\n" + data.answer],
            metadatas=[{"question": data.question}],
            ids=[str(uuid.uuid4())],
        )
        return {"message": "Data indexed", "question": data.question, "id": str(uuid.uuid4()), "status": "success"}
    except Exception as e:
        print(e)
        raise HTTPException(status_code=status.HTTP_500_INTERNAL_SERVER_ERROR, detail="Internal Server Error")


@app.post("/search/", tags=["search"])
async def search(request: Request, data: Question, api_key: str = Depends(get_current_api_key)) -> List[float]:
    try:
        result = collection.query(query_texts=[data.question], n_results=2)
        return result["documents"][0]
    except Exception as e:
        print(e)
        raise HTTPException(status_code=status.HTTP_500_INTERNAL_SERVER_ERROR, detail="Internal Server Error")
