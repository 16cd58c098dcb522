from typing import List, Optional

from langchain_community.embeddings import OllamaEmbeddings
from langchain_core.documents import Document
from langchain_qdrant import QdrantVectorStore

from ..config import settings

_VS: Optional[QdrantVectorStore] = None
_EMB: Optional[OllamaEmbeddings] = None


def build_embeddings() -> OllamaEmbeddings:
    global _EMB
    if _EMB is None:
        _EMB = OllamaEmbeddings(base_url=settings.ollama_base_url, model="nomic-embed-text")
    return _EMB


def get_vectorstore() -> QdrantVectorStore:
    global _VS
    if _VS is None:
        _VS = QdrantVectorStore.from_existing_collection(
            url=settings.qdrant_url,
            collection_name=settings.collection_name,
            embedding=build_embeddings(),
        )
    return _VS


def upsert_docs(docs: List[Document]) -> int:
    return len(get_vectorstore().add_documents(docs))


def similarity_search(query: str, k: int = 8, file_ids: Optional[List[str]] = None, tenant_id: Optional[str] = None):
    must = []
    if tenant_id:
        must.append({"key": "metadata.tenant_id", "match": {"value": tenant_id}})
    if file_ids:
        must.append({"key": "metadata.file_id", "match": {"any": file_ids}})
    qdrant_filter = {"must": must} if must else None
    return get_vectorstore().similarity_search(query=query, k=k, filter=qdrant_filter)
