from rag_chroma.chain import chain

__all__ = ["chain"]
