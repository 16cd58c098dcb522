import os

import boto3
import pandas as pd
from langchain_community.embeddings import HuggingFaceEmbeddings
from langchain_community.vectorstores import FAISS
from langchain_text_splitters import RecursiveCharacterTextSplitter

S3_BUCKET_NAME = os.getenv("S3_BUCKET_NAME", "llmops-knowledge-base")
S3_FAISS_PREFIX = os.getenv("S3_FAISS_PREFIX", "faiss_index")
LOCAL_FAISS_PATH = "faiss_index_local"


def main() -> None:
    print("Initializing embedding model...")
    embed_model = HuggingFaceEmbeddings(model_name="sentence-transformers/all-MiniLM-L6-v2")

    df = pd.read_csv("data/it_support_faq.csv")
    df = df.dropna()
    df["question"] = df["question"].astype(str)
    df["answer"] = df["answer"].astype(str)
    texts = (df["question"] + " \nAnswer: " + df["answer"]).tolist()
    texts = [text.strip() for text in texts if text.strip()]
    if not texts:
        raise ValueError("No valid text data found after processing CSV file")

    text_splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)
    docs = text_splitter.create_documents(texts)

    vectorstore = FAISS.from_documents(docs, embed_model)
    os.makedirs(LOCAL_FAISS_PATH, exist_ok=True)
    vectorstore.save_local(LOCAL_FAISS_PATH)

    s3_client = boto3.client("s3")
    for file_name in os.listdir(LOCAL_FAISS_PATH):
        local_path = os.path.join(LOCAL_FAISS_PATH, file_name)
        s3_key = f"{S3_FAISS_PREFIX}/{file_name}"
        s3_client.upload_file(local_path, S3_BUCKET_NAME, s3_key)
        print(f"Uploaded {local_path} -> s3://{S3_BUCKET_NAME}/{s3_key}")

    print("Data pipeline complete!")


if __name__ == "__main__":
    main()
