"""RAG module: embeds the query, queries Pinecone, builds the context."""

import os
import requests
from typing import List

PINECONE_API_KEY = os.getenv("PINECONE_API_KEY", "")
PINECONE_INDEX = "medical-chatbot"

# Pinecone host URL (from the Pinecone dashboard)
PINECONE_HOST = "https://medical-chatbot-x0js8of.svc.aped-4627-b74a.pinecone.io"

_embedding_model = None


def get_embedding_model():
    """Loaded lazily on the first query and cached."""
    global _embedding_model

    if _embedding_model is None:
        try:
            from sentence_transformers import SentenceTransformer
            print("Loading embedding model (first query may take 30-60 seconds)...", flush=True)
            _embedding_model = SentenceTransformer('all-MiniLM-L6-v2')
        except ImportError:
            raise Exception("sentence-transformers not installed. Run: pip install sentence-transformers")
        except Exception as e:
            raise Exception(f"Failed to load embedding model: {e}")

    return _embedding_model


def get_embedding(text: str) -> List[float]:
    model = get_embedding_model()
    embedding = model.encode(text)
    return embedding.tolist()


def query_pinecone(query_embedding: List[float], top_k: int = 3) -> List[dict]:
    if not PINECONE_API_KEY:
        raise Exception("PINECONE_API_KEY not set in environment")

    response = requests.post(
        f"{PINECONE_HOST}/query",
        headers={
            "Api-Key": PINECONE_API_KEY,
            "Content-Type": "application/json"
        },
        json={
            "vector": query_embedding,
            "top_k": top_k,
            "include_metadata": True
        },
        timeout=30
    )
    response.raise_for_status()
    return response.json().get("matches", [])


def build_context(matches: List[dict]) -> str:
    if not matches:
        return "No relevant documents found in the knowledge base."

    context_parts = []
    for i, match in enumerate(matches, 1):
        text = match.get("metadata", {}).get("text", "")
        score = match.get("score", 0)
        if text:
            context_parts.append(f"[Document {i}] (Relevance: {score:.2f})\n{text}\n")

    return "\n".join(context_parts) if context_parts else "No relevant documents found."


def retrieve_context(query: str, top_k: int = 3) -> tuple:
    try:
        embedding = get_embedding(query)
        matches = query_pinecone(embedding, top_k)
        context = build_context(matches)
        sources = [m.get("metadata", {}).get("source", "Unknown") for m in matches]
        return context, sources

    except Exception as e:
        print(f"RAG Error: {e}", flush=True)
        return None, []
