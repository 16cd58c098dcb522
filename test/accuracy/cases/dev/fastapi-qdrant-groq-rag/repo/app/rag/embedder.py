# Generates the embeddings sent to the vector db
from typing import List
from langchain_ollama.embeddings import OllamaEmbeddings
from config import OLLAMA_BASE_URL

embedder = OllamaEmbeddings(model="nomic-embed-text", base_url=OLLAMA_BASE_URL)


def generate_embeddings(chunks: List[str]) -> None:
    return embedder.embed_documents(chunks)


def generate_embeddings_query(query: str) -> None:
    return embedder.embed_query(query)
