import os
import time
import traceback

import gradio as gr
from dotenv import load_dotenv

load_dotenv()

from rag.config import settings
from rag.ingestion import load_uploads
from rag.splitting import split_docs
from rag.embeddings import get_embedder
from rag.vectordb import load_chroma, upsert_chunks
from rag.retriever import build_retriever
from rag.generator import make_llm_tgi
from rag.tasks import run_task
from app.ui import build_ui
from utils.logging_utils import log_interaction_advanced, log_error

print("HF_API_TOKEN loaded:", os.getenv("HF_API_TOKEN"))
print("W&B key loaded:", bool(os.getenv("WANDB_API_KEY")))

# Load the embedder and the pre-built database once at start-up.
embedder = get_embedder(settings.EMBEDDING_MODEL)
print("Loading persistent ChromaDB...")
store = load_chroma(embedder, settings.CHROMA_DIR)
print(f"ChromaDB loaded with {store._collection.count()} documents.")

retriever = build_retriever(store, k=settings.RETRIEVER_K)

# LLM via the Hugging Face inference API
llm = make_llm_tgi(settings.TGI_URL, settings.HF_API_TOKEN)


def respond(message, history, mode, grade, files):
    total_start = time.time()
    retrieval_time = generation_time = 0
    try:
        # Uploaded PDFs go straight into the shared vector store.
        if files and len(files) > 0:
            paths = [f.name for f in files]
            docs = load_uploads(paths)
            chunks = split_docs(docs)
            upsert_chunks(store, chunks)

        retrieval_start = time.time()
        answer = run_task(llm, retriever, mode, int(grade), message, history)
        retrieval_time = time.time() - retrieval_start

        generation_start = time.time()
        # Generation happens inside run_task.
        generation_time = time.time() - generation_start

        total_latency = time.time() - total_start
        log_interaction_advanced(
            question=message,
            answer=answer,
            latency=total_latency,
            mode=mode,
            retrieval_time=retrieval_time,
            generation_time=generation_time,
            sources=[],
        )
        if isinstance(answer, (tuple, list)):
            answer_text = str(answer[0]) if len(answer) > 0 else ""
        else:
            answer_text = str(answer)
        history = (history or []) + [[message, answer_text]]
        return history, ""
    except Exception as e:
        trace = traceback.format_exc()
        total_latency = time.time() - total_start
        log_error(message, e, trace)
        log_interaction_advanced(
            message, str(e), total_latency, mode,
            retrieval_time, generation_time, [],
            success=False,
        )
        return history, "Sorry, something went wrong."


demo = build_ui(respond)

if __name__ == "__main__":
    demo.queue().launch(server_name="127.0.0.1", server_port=int(os.getenv("PORT", 7860)))
