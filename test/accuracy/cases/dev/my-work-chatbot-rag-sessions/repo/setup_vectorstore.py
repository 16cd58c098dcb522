from dotenv import load_dotenv
from langchain_community.document_loaders import PyPDFLoader
from langchain_text_splitters import RecursiveCharacterTextSplitter
from langchain_openai import OpenAIEmbeddings
from langchain_community.vectorstores import Chroma
import os

load_dotenv()


def load_all_pdfs(path="data/pdf"):
    docs = []
    for file in os.listdir(path):
        if file.lower().endswith(".pdf"):
            loader = PyPDFLoader(os.path.join(path, file))
            docs.extend(loader.load())
    return docs


docs = load_all_pdfs(path="data/pdf")
print(f"Loaded {len(docs)} PDF docs")

splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=100)
chunks = splitter.split_documents(docs)

embeddings = OpenAIEmbeddings(
    api_key=os.getenv("OPENROUTER_API_KEY"),
    base_url="https://openrouter.ai/api/v1"
)

Chroma.from_documents(chunks, embeddings, persist_directory="vectorstore")
print("Vectorstore created")
