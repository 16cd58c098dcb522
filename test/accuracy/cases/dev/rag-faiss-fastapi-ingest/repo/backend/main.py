import uvicorn
from fastapi import FastAPI, File, Form, UploadFile

from db import load_vectorstore
from ingestion import ingest_text
from rag import query_rag
from schemas import IngestResponse, QueryRequest, QueryResponse

app = FastAPI(title="RAG FastAPI Example", version="1.0.0")


@app.post("/ingest", response_model=IngestResponse, tags=["Ingestion"])
async def ingest_endpoint(
    text: str = Form(None, description="Plain text to ingest"),
    file: UploadFile = File(None, description="File to ingest (txt, pdf, etc.)"),
):
    """Ingest plain text or a file into the FAISS vector store."""
    chunks_added = await ingest_text(text, file)
    return IngestResponse(added_chunks=chunks_added)


@app.post("/query", response_model=QueryResponse, tags=["Query"])
async def query_endpoint(payload: QueryRequest):
    """Perform a RAG query against the vector store."""
    answer, sources = query_rag(payload.query, payload.top_k)
    return QueryResponse(answer=answer, sources=sources)


@app.get("/health", tags=["System"])
async def health():
    """Check API health and whether a vector index exists."""
    return {"status": "ok", "has_index": load_vectorstore() is not None}


if __name__ == "__main__":
    uvicorn.run("main:app", host="0.0.0.0", port=80, log_level="info", reload=True)
