#!/usr/bin/env python3
"""
RAG Query Tool - Run similarity searches against ChromaDB
Usage:
  docker exec genai-app python /app/rag_query.py "your query here"
"""

import os
import sys

import chromadb
from langchain_huggingface import HuggingFaceEmbeddings

PERSIST_DIR = os.getenv("CHROMA_PERSIST_DIR", "/app/chroma_db")
EMBEDDING_MODEL = os.getenv("EMBEDDING_MODEL", "all-MiniLM-L6-v2")
COLLECTION_NAME = "documents"


def search(collection, query, n_results=3):
    embeddings = HuggingFaceEmbeddings(model_name=EMBEDDING_MODEL, model_kwargs={"device": "cpu"})
    query_embedding = embeddings.embed_query(query)
    results = collection.query(query_embeddings=[query_embedding], n_results=n_results)
    for doc in results["documents"][0]:
        print(doc[:400])


def main():
    client = chromadb.PersistentClient(path=PERSIST_DIR)
    try:
        collection = client.get_collection(COLLECTION_NAME)
    except Exception as e:
        print(f"Error: Collection '{COLLECTION_NAME}' not found.")
        sys.exit(1)
    if len(sys.argv) < 2:
        sys.exit("usage: rag_query.py QUERY")
    search(collection, " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
