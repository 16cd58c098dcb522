"""
Lightweight GenAI Stack - RAG Application
Docker Model Runner + ChromaDB + LangChain, designed to run within 6GB RAM.
"""

import os
import tempfile
import time
from collections import Counter

import streamlit as st
from langchain.text_splitter import RecursiveCharacterTextSplitter
from langchain_chroma import Chroma
from langchain_community.document_loaders import PyPDFLoader, TextLoader, UnstructuredMarkdownLoader
from langchain_huggingface import HuggingFaceEmbeddings
from langchain_openai import ChatOpenAI

# Docker Model Runner uses an OpenAI-compatible API
OPENAI_API_BASE = os.getenv("OPENAI_API_BASE", "http://model-runner.docker.internal/engines/llama.cpp/v1")
OPENAI_API_KEY = os.getenv("OPENAI_API_KEY", "docker-model-runner")
CHROMA_HOST = os.getenv("CHROMA_HOST", "localhost")
CHROMA_PORT = os.getenv("CHROMA_PORT", "8000")
LLM_MODEL = os.getenv("LLM_MODEL", "ai/llama3.2:1B-Q8_0")
EMBEDDING_MODEL = os.getenv("EMBEDDING_MODEL", "all-MiniLM-L6-v2")

st.set_page_config(page_title="Lightweight GenAI Stack", page_icon="🤖", layout="wide")


@st.cache_resource
def init_llm():
    """Initialize the LLM using Docker Model Runner (OpenAI-compatible API)"""
    return ChatOpenAI(
        model=LLM_MODEL,
        base_url=OPENAI_API_BASE,
        api_key=OPENAI_API_KEY,
        temperature=0.7,
    )


@st.cache_resource
def init_embeddings():
    """Initialize local embeddings using HuggingFace sentence-transformers"""
    return HuggingFaceEmbeddings(
        model_name=EMBEDDING_MODEL,
        model_kwargs={"device": "cpu"},
        encode_kwargs={"normalize_embeddings": True},
    )


def init_vectorstore():
    """Initialize ChromaDB vector store"""
    embeddings = init_embeddings()
    return Chroma(
        collection_name="documents",
        embedding_function=embeddings,
        persist_directory="/app/chroma_db",
    )


def get_vectorstore_stats():
    """Get statistics about the vector store"""
    try:
        vectorstore = init_vectorstore()
        results = vectorstore.get()
        if not results["ids"]:
            return {"total_chunks": 0, "unique_docs": 0, "docs": {}}
        sources = [m.get("source", "unknown") for m in results["metadatas"]]
        source_counts = Counter(sources)
        return {
            "total_chunks": len(results["ids"]),
            "unique_docs": len(source_counts),
            "docs": {os.path.basename(k): v for k, v in source_counts.items()},
        }
    except:
        return {"total_chunks": 0, "unique_docs": 0, "docs": {}}


def process_uploaded_file(uploaded_file, progress_callback=None):
    """Process uploaded file and return documents with progress updates"""
    with tempfile.NamedTemporaryFile(delete=False, suffix=f".{uploaded_file.name.split('.')[-1]}") as tmp:
        tmp.write(uploaded_file.getbuffer())
        tmp_path = tmp.name

    file_extension = uploaded_file.name.split(".")[-1].lower()
    try:
        if file_extension == "pdf":
            loader = PyPDFLoader(tmp_path)
        elif file_extension == "txt":
            loader = TextLoader(tmp_path)
        elif file_extension == "md":
            loader = UnstructuredMarkdownLoader(tmp_path)
        else:
            return None, f"Unsupported file type: {file_extension}"

        documents = loader.load()
        text_splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50, length_function=len)
        return text_splitter.split_documents(documents), None
    finally:
        os.unlink(tmp_path)


def check_model_runner_health():
    """Check if Docker Model Runner is running and model is available"""
    import requests

    try:
        response = requests.get(f"{OPENAI_API_BASE}/models", timeout=10)
        if response.status_code == 200:
            return True
    except:
        pass
    return False


def main():
    st.title("🤖 Lightweight GenAI Stack")
    stats = get_vectorstore_stats()

    with st.sidebar:
        if check_model_runner_health():
            st.success(f"✅ Model Runner ({LLM_MODEL})")
        else:
            st.error("❌ Model Runner not ready")

        st.metric("Chunks", f"{stats['total_chunks']:,}")

        uploaded_files = st.file_uploader(
            "Upload documents for RAG",
            type=["pdf", "txt", "md"],
            accept_multiple_files=True,
        )
        if uploaded_files:
            if st.button("📥 Process Documents", type="primary"):
                vectorstore = init_vectorstore()
                for uploaded_file in uploaded_files:
                    with st.spinner(f"Processing {uploaded_file.name}..."):
                        docs, error = process_uploaded_file(uploaded_file)
                        if error:
                            st.error(error)
                        elif docs:
                            vectorstore.add_documents(docs)
                            st.success(f"✅ {uploaded_file.name}: {len(docs)} chunks added")
                st.rerun()

        use_rag = st.checkbox("Enable RAG", value=True)

        if st.button("🗑️ Clear All Documents"):
            import shutil

            if os.path.exists("/app/chroma_db"):
                shutil.rmtree("/app/chroma_db")
            st.success("Documents cleared!")
            st.rerun()

    if "messages" not in st.session_state:
        st.session_state.messages = []

    if prompt := st.chat_input("Ask me anything..."):
        st.session_state.messages.append({"role": "user", "content": prompt})
        with st.chat_message("assistant"):
            try:
                llm = init_llm()
                vectorstore = init_vectorstore()
                use_retrieval = use_rag and stats["total_chunks"] > 0

                if use_retrieval:
                    start_time = time.time()
                    retriever = vectorstore.as_retriever(search_kwargs={"k": 3})
                    docs = retriever.invoke(prompt)
                    context = "\n\n".join([doc.page_content for doc in docs])
                    augmented_prompt = f"""Based on the following context, answer the question.

Context:
{context}

Question: {prompt}

Answer:"""
                    response = llm.invoke(augmented_prompt)
                    gen_time = time.time() - start_time
                    st.caption(f"RAG answer in {gen_time:.2f}s")
                else:
                    response = llm.invoke(prompt)

                response_text = response.content if hasattr(response, "content") else str(response)
                st.markdown(response_text)
                st.session_state.messages.append({"role": "assistant", "content": response_text})

            except Exception as e:
                error_msg = f"Error: {str(e)}"
                st.error(error_msg)
                st.session_state.messages.append({"role": "assistant", "content": error_msg})


if __name__ == "__main__":
    main()
