"""FastAPI application for the LangGraph agent service."""

import os
import sys
import logging
from contextlib import asynccontextmanager
from typing import Dict, Any, List, Optional
from fastapi import FastAPI, HTTPException, UploadFile, File
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
import uvicorn
import json

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from app.graph import graph
from app.database import (
    init_db,
    get_thread_messages,
    save_thread_messages,
    delete_thread as db_delete_thread,
    get_all_threads,
    save_document_embedding,
    delete_document_embedding,
)
from app.models import model_manager
from app.embeddings import embedding_service

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


class ChatMessage(BaseModel):
    role: str
    content: str


class ChatRequest(BaseModel):
    message: str
    thread_id: Optional[str] = None


class ChatResponse(BaseModel):
    response: str
    thread_id: str
    messages: List[ChatMessage]


class InvokeRequest(BaseModel):
    input: Dict[str, Any]
    config: Optional[Dict[str, Any]] = None


class InvokeResponse(BaseModel):
    output: Dict[str, Any]


class StreamRequest(BaseModel):
    input: Dict[str, Any]
    config: Optional[Dict[str, Any]] = None
    stream_mode: Optional[str] = "values"


@asynccontextmanager
async def lifespan(app: FastAPI):
    logger.info("Starting LangGraph FastAPI service...")
    try:
        init_db()
        logger.info("Database initialized successfully")
    except Exception as e:
        logger.error(f"Database initialization failed: {e}")
    yield
    logger.info("Shutting down LangGraph FastAPI service...")


app = FastAPI(title="LangGraph Agent API", version="1.0.0", lifespan=lifespan)

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.get("/health")
async def health_check():
    """Health check endpoint."""
    return {
        "status": "healthy",
        "service": "langgraph-agent",
        "version": "1.0.0"
    }


@app.get("/models")
async def get_available_models():
    try:
        providers = model_manager.get_available_providers()
        return {"providers": providers}
    except Exception as e:
        logger.error(f"Error getting model information: {str(e)}")
        raise HTTPException(status_code=500, detail=f"Failed to get model information: {str(e)}")


@app.post("/chat", response_model=ChatResponse)
async def chat(request: ChatRequest):
    try:
        thread_id = request.thread_id or f"thread_{os.urandom(8).hex()}"

        prior_history = get_thread_messages(thread_id)

        user_message = {"role": "user", "content": request.message}
        working_history = [*prior_history, user_message]

        graph_input = {"messages": working_history, "thread_id": thread_id}
        config = {"configurable": {"thread_id": thread_id}}

        logger.info(f"Processing chat request for thread: {thread_id}")

        result = graph.invoke(graph_input, config=config)

        response_content = "Sorry, unexpected response format."
        if isinstance(result, dict) and "messages" in result and result["messages"]:
            response_content = str(result["messages"][-1].content)

        updated_history = [*working_history, {"role": "assistant", "content": response_content}]
        save_thread_messages(thread_id, updated_history)

        formatted_messages = [ChatMessage(role=m["role"], content=m["content"]) for m in updated_history]

        return ChatResponse(response=response_content, thread_id=thread_id, messages=formatted_messages)

    except Exception as e:
        logger.error(f"Error in chat endpoint: {str(e)}")
        raise HTTPException(status_code=500, detail=f"Chat processing failed: {str(e)}")


@app.get("/threads/{thread_id}/messages")
async def get_thread_messages_endpoint(thread_id: str):
    try:
        messages = get_thread_messages(thread_id)
        formatted_messages = [ChatMessage(role=msg["role"], content=msg["content"]) for msg in messages]
        return {"thread_id": thread_id, "messages": formatted_messages}
    except Exception as e:
        logger.error(f"Error getting thread messages: {str(e)}")
        raise HTTPException(status_code=500, detail=f"Failed to get messages: {str(e)}")


@app.delete("/threads/{thread_id}")
async def delete_thread(thread_id: str):
    try:
        db_delete_thread(thread_id)
        return {"message": f"Thread {thread_id} deleted successfully"}
    except Exception as e:
        logger.error(f"Error deleting thread: {str(e)}")
        raise HTTPException(status_code=500, detail=f"Failed to delete thread: {str(e)}")


@app.get("/threads")
async def list_threads():
    try:
        threads = get_all_threads()
        return {"threads": threads}
    except Exception as e:
        logger.error(f"Error listing threads: {str(e)}")
        raise HTTPException(status_code=500, detail=f"Failed to list threads: {str(e)}")


@app.post("/invoke", response_model=InvokeResponse)
async def invoke_graph(request: InvokeRequest):
    try:
        logger.info(f"Invoking graph with input: {request.input}")

        config = request.config or {}
        if "configurable" not in config:
            config["configurable"] = {}
        if "thread_id" in request.input and not config["configurable"].get("thread_id"):
            config["configurable"]["thread_id"] = request.input.get("thread_id")

        result = graph.invoke(request.input, config=config)

        return InvokeResponse(output=result)

    except Exception as e:
        logger.error(f"Error in invoke endpoint: {str(e)}")
        raise HTTPException(status_code=500, detail=f"Graph invocation failed: {str(e)}")


@app.post("/stream")
async def stream_graph(request: StreamRequest):
    try:
        logger.info(f"Streaming graph with input: {request.input}")

        def generate_stream():
            try:
                config = request.config or {}
                if "configurable" not in config:
                    config["configurable"] = {}
                stream = graph.stream(request.input, config=config, stream_mode=request.stream_mode)
                for chunk in stream:
                    yield f"data: {json.dumps(chunk)}\n\n"
            except Exception as e:
                logger.error(f"Error in stream generation: {str(e)}")
                yield f"data: {{\"error\": \"{str(e)}\"}}\n\n"

        return StreamingResponse(generate_stream(), media_type="text/plain")

    except Exception as e:
        logger.error(f"Error in stream endpoint: {str(e)}")
        raise HTTPException(status_code=500, detail=f"Graph streaming failed: {str(e)}")


@app.post("/documents/upload")
async def upload_document(file: UploadFile = File(...)):
    try:
        if not file.filename:
            raise HTTPException(status_code=400, detail="No filename provided")

        file_content = await file.read()
        content_type = file.content_type or 'application/octet-stream'

        import hashlib
        content_hash = hashlib.md5(file_content).hexdigest()
        document_id = f"doc_{content_hash}_{int(os.urandom(4).hex(), 16)}"

        processed_chunks = embedding_service.process_document(
            document_id=document_id,
            filename=file.filename,
            file_content=file_content,
            content_type=content_type,
        )

        if not processed_chunks:
            raise HTTPException(status_code=500, detail="Failed to process document")

        saved_count = 0
        for chunk_data in processed_chunks:
            try:
                save_document_embedding(**chunk_data)
                saved_count += 1
            except Exception as e:
                logger.error(f"Failed to save chunk {chunk_data['document_id']}: {e}")
                continue

        return {"document_id": document_id, "chunks_created": saved_count}

    except HTTPException:
        raise
    except Exception as e:
        logger.error(f"Error uploading document: {str(e)}")
        raise HTTPException(status_code=500, detail=f"Document upload failed: {str(e)}")


@app.delete("/documents/{document_id}")
async def delete_document(document_id: str):
    try:
        success = delete_document_embedding(document_id)
        if not success:
            raise HTTPException(status_code=404, detail="Document not found")
        return {"message": f"Document {document_id} deleted successfully"}
    except HTTPException:
        raise
    except Exception as e:
        logger.error(f"Error deleting document: {str(e)}")
        raise HTTPException(status_code=500, detail=f"Failed to delete document: {str(e)}")


if __name__ == "__main__":
    port = int(os.getenv("PORT", "8000"))
    host = os.getenv("HOST", "0.0.0.0")
    uvicorn.run("main:app", host=host, port=port, reload=False, log_level="info")
