import logging
import os
import shutil
from pathlib import Path

from dotenv import load_dotenv
from fastapi import FastAPI, File, HTTPException, UploadFile
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import PromptTemplate
from langchain_ollama import ChatOllama

from app.rag import add_documents_to_vector_store, get_vector_store, retrieve_relevant_chunks
from app.schemas import ChatMessage, ChatResponse, Citation, UploadResponse
from app.utils.loader import process_pdf

load_dotenv()

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)

app = FastAPI(title="RAG-QA-K8s", version="1.0.0")

llm = ChatOllama(
    model=os.getenv("OLLAMA_MODEL", "llama3.2"),
    base_url=os.getenv("OLLAMA_BASE_URL", "http://localhost:11434"),
    temperature=0.2,
)

prompt = PromptTemplate.from_template(
    """Answer the question using ONLY the context below and cite every claim.

Context:
{context}

Question: {question}
"""
)

chain = prompt | llm | StrOutputParser()

DATA_DIR = Path("data")
DATA_DIR.mkdir(exist_ok=True)


@app.post("/upload", response_model=UploadResponse)
async def upload_pdf(file: UploadFile = File(...)):
    if not file.filename.lower().endswith(".pdf"):
        raise HTTPException(400, "Only PDF files allowed")

    file_path = DATA_DIR / file.filename
    with open(file_path, "wb") as f:
        shutil.copyfileobj(file.file, f)

    logger.info(f"Processing {file.filename}...")
    chunks = process_pdf(str(file_path))

    db = get_vector_store()
    old_count = db.index.ntotal
    add_documents_to_vector_store(chunks)

    return UploadResponse(
        filename=file.filename,
        chunks_added=len(chunks),
        total_chunks_in_store=old_count + len(chunks),
        message="PDF processed and added successfully!",
    )


@app.post("/chat", response_model=ChatResponse)
async def chat(request: ChatMessage):
    docs = retrieve_relevant_chunks(request.question, k=4)

    if not docs:
        return ChatResponse(answer="No relevant information found.", citations=[])

    context = "\n\n".join([f"[Chunk {doc.metadata['chunk_id']}] {doc.page_content}" for doc in docs])

    raw_answer = chain.invoke({"context": context, "question": request.question})

    citations = [
        Citation(
            content=doc.page_content[:200],
            source_pdf=doc.metadata["source_pdf"],
            chunk_id=doc.metadata["chunk_id"],
        )
        for doc in docs
    ]
    return ChatResponse(answer=raw_answer, citations=citations)


@app.get("/")
async def root():
    return {"message": "RAG-QA-K8s is running! Go to /docs"}
