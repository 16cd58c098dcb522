from pathlib import Path

from huggingface_hub import snapshot_download
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from rag.config import settings


def load_chroma(embedder: Embeddings, persist_dir: Path) -> Chroma:
    """Load the Chroma database, downloading it from the Hub when it is not on disk."""
    if persist_dir.exists() and any(persist_dir.iterdir()):
        print(f"Loading existing local database from '{persist_dir}'")
    else:
        print(f"Downloading database from Hugging Face Hub: {settings.DATASET_REPO_ID}...")
        try:
            snapshot_download(
                repo_id=settings.DATASET_REPO_ID,
                repo_type="dataset",
                local_dir=persist_dir,
                token=None,
            )
        except Exception as e:
            print(f"Failed to download database: {e}")
            raise
    return Chroma(embedding_function=embedder, persist_directory=str(persist_dir))


def build_chroma(chunks: list[Document], embedder: Embeddings, persist_dir: Path) -> Chroma:
    persist_dir.mkdir(parents=True, exist_ok=True)
    return Chroma.from_documents(chunks, embedding=embedder, persist_directory=str(persist_dir))


def upsert_chunks(store: Chroma, chunks: list[Document]) -> Chroma:
    store.add_documents(chunks)
    return store
