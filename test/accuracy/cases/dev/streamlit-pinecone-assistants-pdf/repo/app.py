import hashlib
import os

import openai
import streamlit as st
from dotenv import load_dotenv
from openai import AssistantEventHandler
from pinecone import Pinecone, ServerlessSpec
from PyPDF2 import PdfReader

load_dotenv()

INDEX_NAME = os.getenv("INDEX_NAME")
EMBEDDING_DIMENSION = int(os.getenv("EMBEDDING_DIMENSION"))
OPENAI_MODEL = os.getenv("OPENAI_MODEL")

PROMPT = """
Answer the question from the context given at the end, and name the page the answer comes from.
If the question is unrelated, reply: "No relevant information found. Please try a different question."
"""

try:
    openai_client = openai.Client(api_key=os.getenv("OPENAI_API_KEY"))
    pinecone = Pinecone(api_key=os.getenv("PINECONE_API_KEY"))
    if INDEX_NAME not in pinecone.list_indexes().names():
        pinecone.create_index(
            name=INDEX_NAME,
            dimension=EMBEDDING_DIMENSION,
            metric="euclidean",
            spec=ServerlessSpec(cloud="aws", region="us-east-1"),
        )
    index = pinecone.Index(INDEX_NAME)
except Exception as e:
    print("Error initializing OpenAI or Pinecone:", e)
    st.error("Failed to initialize services. Please check your configuration.")


class EventHandler(AssistantEventHandler):
    def __init__(self, response_box):
        super().__init__()
        self.response_box = response_box
        self.result_output = []

    def on_text_delta(self, delta, snapshot):
        self.result_output.append(delta.value)
        result = "".join(self.result_output).strip()
        self.response_box.markdown(result, unsafe_allow_html=True)
        print(delta.value, end="", flush=True)


def clear_pinecone_index():
    try:
        stats = index.describe_index_stats()
        if stats["total_vector_count"] > 0:
            index.delete(delete_all=True)
    except Exception as e:
        print("Error clearing Pinecone index:", e)
        st.error("Failed to clear the Pinecone index.")


def extract_text_from_pdf(pdf_file) -> str:
    try:
        reader = PdfReader(pdf_file)
        text = ""
        for page in reader.pages:
            text += page.extract_text() or ""
        return text
    except Exception as e:
        print("Error extracting text from PDF:", e)
        st.error("Failed to extract text from the PDF.")


def create_embeddings(text: str) -> list:
    try:
        response = openai.embeddings.create(input=text, model="text-embedding-ada-002")
        return [float(x) for x in response.data[0].embedding]
    except Exception as e:
        print("Error creating embeddings:", e)
        st.error("Failed to create embeddings.")


def handle_pinecone_results(results):
    try:
        ids = [match.id for match in results.matches]
        vector_data = index.fetch(ids)
        texts = [data["metadata"]["text"] for _, data in vector_data.vectors.items() if "metadata" in data]
        return " ".join(texts)
    except Exception as e:
        print("Error handling Pinecone results:", e)
        st.error("Failed to handle results from Pinecone.")


def ingest_pdf_to_pinecone(pdf_file):
    try:
        text = extract_text_from_pdf(pdf_file)
        chunk_size = 1000
        chunks = [text[i : i + chunk_size] for i in range(0, len(text), chunk_size)]
        embeddings = [create_embeddings(chunk) for chunk in chunks]
        batch_size = 100
        for i in range(0, len(embeddings), batch_size):
            batch = [
                {"id": str(j + i), "values": embeddings[j], "metadata": {"text": chunks[j]}}
                for j in range(min(batch_size, len(embeddings) - i))
            ]
            index.upsert(vectors=batch)
    except Exception as e:
        print("Error ingesting PDF to Pinecone:", e)
        st.error("Failed to ingest PDF into Pinecone.")


def query_pinecone(query: str):
    try:
        query_embedding = create_embeddings(query)
        return index.query(vector=query_embedding, top_k=5)
    except Exception as e:
        print("Error querying Pinecone:", e)
        st.error("Failed to query Pinecone.")


def file_has_changed(new_file) -> bool:
    new_file_hash = hashlib.md5(new_file.read()).hexdigest()
    new_file.seek(0)
    if st.session_state.get("file_hash") == new_file_hash:
        return False
    st.session_state.file_hash = new_file_hash
    return True


if __name__ == "__main__":
    try:
        st.title("RAG Chatbot")
        if "chat_history" not in st.session_state:
            st.session_state.chat_history = []

        if "assistant" not in st.session_state:
            st.session_state.assistant = openai_client.beta.assistants.create(
                name="RAG Chatbot", instructions=PROMPT, model=OPENAI_MODEL
            )
        if "thread" not in st.session_state:
            st.session_state.thread = openai_client.beta.threads.create()

        uploaded_file = st.file_uploader("Upload a PDF", type="pdf")
        if uploaded_file is not None and file_has_changed(uploaded_file):
            st.session_state.chat_history = []
            clear_pinecone_index()
            ingest_pdf_to_pinecone(uploaded_file)
            st.write("File ingested successfully!")

        prompt = st.chat_input("Type your question:", disabled=uploaded_file is None)
        if prompt:
            st.session_state.chat_history.append({"role": "user", "content": prompt})
            with st.chat_message("assistant"):
                response_box = st.empty()
                results = query_pinecone(prompt)
                retrieved_text = handle_pinecone_results(results)
                if retrieved_text:
                    openai_client.beta.threads.messages.create(
                        thread_id=st.session_state.thread.id,
                        role="user",
                        content=f"{PROMPT}\n\n#Context:\n{retrieved_text}\n#Question: {prompt}",
                    )
                    event_handler = EventHandler(response_box)
                    with openai_client.beta.threads.runs.stream(
                        thread_id=st.session_state.thread.id,
                        assistant_id=st.session_state.assistant.id,
                        event_handler=event_handler,
                    ) as stream:
                        stream.until_done()
                    answer = "".join(event_handler.result_output)
                else:
                    answer = "No relevant information found. Please try a different question."
                st.session_state.chat_history.append({"role": "assistant", "content": answer})
                response_box.markdown(answer)
    except Exception as e:
        print("Internal Error: ", e)
        st.error("There was an internal error")
