import streamlit as st
import requests
import uuid
from typing import List, Dict, Any

API_URL = "http://localhost:8000"

st.set_page_config(page_title="Conversational RAG Chatbot", layout="wide")
st.title("Conversational RAG Chatbot")

if "session_id" not in st.session_state:
    st.session_state.session_id = str(uuid.uuid4())
if "messages" not in st.session_state:
    st.session_state.messages = []


def send_documents_to_backend(uploaded_files):
    files = [("files", (file.name, file.getvalue(), file.type)) for file in uploaded_files]
    try:
        response = requests.post(f"{API_URL}/upload-documents", files=files, timeout=300)
        response.raise_for_status()
        return response.json()
    except requests.exceptions.RequestException as e:
        st.error(f"Error processing documents: {e}")
        return None


def send_chat_message_to_backend(prompt: str, chat_history: List[Dict[str, Any]]):
    payload = {
        "user_question": prompt,
        "session_id": st.session_state.session_id,
        "chat_history": [{"role": m.get("role"), "content": m.get("content")} for m in chat_history],
    }
    try:
        response = requests.post(f"{API_URL}/chat", json=payload)
        response.raise_for_status()
        return response.json()
    except requests.exceptions.RequestException as e:
        st.error(f"Error communicating with the backend: {e}")
        return None


with st.sidebar:
    uploaded_files = st.file_uploader("Upload Text, PDF files:", type=["txt", "pdf"], accept_multiple_files=True)
    if st.button("Process Documents") and uploaded_files:
        send_documents_to_backend(uploaded_files)

if prompt := st.chat_input("Ask me anything about the uploaded documents..."):
    st.session_state.messages.append({"role": "user", "content": prompt})
    response_data = send_chat_message_to_backend(prompt, st.session_state.messages)
    if response_data:
        st.markdown(response_data.get("ai_response", ""))
