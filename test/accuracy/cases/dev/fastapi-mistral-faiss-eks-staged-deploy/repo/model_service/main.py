import os
import tempfile
import uuid

import boto3
from fastapi import FastAPI, HTTPException
from langchain.chains import RetrievalQA
from langchain_community.embeddings import HuggingFaceEmbeddings
from langchain_community.llms import HuggingFaceHub
from langchain_community.vectorstores import FAISS
from prometheus_client import Counter
from prometheus_fastapi_instrumentator import Instrumentator
from pydantic import BaseModel
from transformers import AutoTokenizer

S3_BUCKET = os.getenv("S3_BUCKET_NAME")
S3_FAISS_PREFIX = os.getenv("S3_FAISS_PREFIX", "faiss_index")
HF_TOKEN = os.getenv("HUGGINGFACEHUB_API_TOKEN")
DYNAMODB_TABLE = os.getenv("DYNAMODB_FEEDBACK_TABLE")

app = FastAPI(title="LLMOps Chatbot")
qa_chain = None
tokenizer = None

PROMPT_TOKENS_COUNTER = Counter("chatbot_prompt_tokens_total", "Total prompt tokens")
COMPLETION_TOKENS_COUNTER = Counter("chatbot_completion_tokens_total", "Total completion tokens")


def download_faiss_from_s3(local_dir: str) -> None:
    """Download FAISS index folder from S3 into local_dir."""
    s3 = boto3.client("s3")
    paginator = s3.get_paginator("list_objects_v2")
    prefix = f"{S3_FAISS_PREFIX}/"
    for page in paginator.paginate(Bucket=S3_BUCKET, Prefix=prefix):
        for obj in page.get("Contents", []):
            key = obj["Key"]
            if key.endswith("/"):
                continue
            dest_path = os.path.join(local_dir, key[len(prefix):])
            os.makedirs(os.path.dirname(dest_path), exist_ok=True)
            s3.download_file(S3_BUCKET, key, dest_path)


@app.on_event("startup")
def startup_event() -> None:
    global qa_chain, tokenizer

    if not S3_BUCKET:
        raise RuntimeError("S3_BUCKET_NAME env var is required")
    if not HF_TOKEN:
        raise RuntimeError("HUGGINGFACEHUB_API_TOKEN env var is required")

    tokenizer = AutoTokenizer.from_pretrained("mistralai/Mistral-7B-Instruct-v0.1", token=HF_TOKEN)

    embed_model = HuggingFaceEmbeddings(model_name="sentence-transformers/all-MiniLM-L6-v2")

    local_index_dir = os.path.join(tempfile.gettempdir(), "faiss_index")
    os.makedirs(local_index_dir, exist_ok=True)
    download_faiss_from_s3(local_index_dir)
    vectorstore = FAISS.load_local(local_index_dir, embed_model, allow_dangerous_deserialization=True)

    llm = HuggingFaceHub(
        repo_id="mistralai/Mistral-7B-Instruct-v0.1",
        model_kwargs={"temperature": 0.1, "max_length": 512},
        huggingfacehub_api_token=HF_TOKEN,
    )

    qa_chain = RetrievalQA.from_chain_type(llm=llm, retriever=vectorstore.as_retriever())


Instrumentator().instrument(app).expose(app)


class ChatRequest(BaseModel):
    query: str


class ChatResponse(BaseModel):
    answer: str
    query_id: str


class FeedbackRequest(BaseModel):
    query_id: str
    query: str
    answer: str
    is_correct: bool


@app.get("/health")
def health():
    return {"status": "healthy"}


@app.post("/chat", response_model=ChatResponse)
def chat(req: ChatRequest):
    if not qa_chain or not tokenizer:
        raise HTTPException(status_code=503, detail="Service initializing")

    prompt_tokens = len(tokenizer.encode(req.query))
    PROMPT_TOKENS_COUNTER.inc(prompt_tokens)

    result = qa_chain.run(req.query)

    completion_tokens = len(tokenizer.encode(result))
    COMPLETION_TOKENS_COUNTER.inc(completion_tokens)

    return {"answer": result, "query_id": str(uuid.uuid4())}


@app.post("/feedback")
def feedback(req: FeedbackRequest):
    if not DYNAMODB_TABLE:
        raise HTTPException(status_code=500, detail="DynamoDB table not configured")
    table = boto3.resource("dynamodb").Table(DYNAMODB_TABLE)
    table.put_item(Item=req.dict())
    return {"status": "Feedback recorded"}
