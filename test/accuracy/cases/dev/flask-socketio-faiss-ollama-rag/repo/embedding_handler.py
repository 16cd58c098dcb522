import os
import hashlib
import pickle

import faiss
import torch
import pytesseract
from PIL import Image
from langchain_ollama import OllamaLLM, OllamaEmbeddings
from langchain.text_splitter import RecursiveCharacterTextSplitter
from langchain_community.vectorstores import FAISS
from langchain.chains import RetrievalQA
from langchain.schema import Document
from logger_util import get_logger

logging = get_logger(__name__)

print(torch.cuda.is_available())
print(torch.cuda.get_device_name(0))
print(faiss.__version__)

pytesseract.tesseract_cmd = r'C:\Program Files\Tesseract-OCR\tesseract.exe'

device = "cuda" if torch.cuda.is_available() else "cpu"
logging.info(f"Selected device: {device}")


def hash_file(file_path):
    hash_obj = hashlib.sha256()
    with open(file_path, 'rb') as f:
        while chunk := f.read(8192):
            hash_obj.update(chunk)
    return hash_obj.hexdigest()


class EmbeddingHandler:
    def __init__(self, cache_folder="/app/Repo_cache", cache_file_name="embeddings_cache.pkl", vector_store_folder="/app/Repo_cache/vector_store"):
        self.cache_folder = cache_folder
        self.cache_file = os.path.join(cache_folder, cache_file_name)
        self.vector_store_folder = vector_store_folder
        os.makedirs(self.cache_folder, exist_ok=True)
        os.makedirs(self.vector_store_folder, exist_ok=True)

        self.embeddings_cache = self._load_cache()
        self.embeddings = OllamaEmbeddings(model="llama2:latest")
        self.db = None

    def _load_cache(self):
        try:
            if os.path.exists(self.cache_file):
                with open(self.cache_file, "rb") as f:
                    logging.info("Loaded cached embeddings.")
                    embeddings_cache = pickle.load(f)
                    for doc_hash, embedding in embeddings_cache.items():
                        print(f"Document Hash: {doc_hash}")
                        print(f"Embedding: {embedding}\n")
                    return embeddings_cache
            logging.info("No cache found. Starting fresh.")
            return {}
        except Exception as e:
            logging.error(f"Error loading cache: {e}")
            return {}

    def _save_cache(self):
        try:
            with open(self.cache_file, "wb") as f:
                pickle.dump(self.embeddings_cache, f)
        except Exception as e:
            logging.error(f"Error saving cache: {e}")

    def initialize_vector_store(self, updated_documents):
        try:
            index_path = os.path.join(self.vector_store_folder, "index.faiss")
            if os.path.exists(index_path):
                self.db = FAISS.load_local(self.vector_store_folder, self.embeddings, allow_dangerous_deserialization=True)
                if updated_documents:
                    self.db.add_documents(updated_documents)
                    self.db.save_local(self.vector_store_folder)
            else:
                if updated_documents:
                    self.db = FAISS.from_documents(updated_documents, self.embeddings)
                    self.db.save_local(self.vector_store_folder)
                else:
                    logging.warning("No documents available to create vector store.")
        except Exception as e:
            logging.error(f"Error initializing or updating vector store: {e}")
            self.db = None

    def process_documents(self, documents):
        try:
            text_splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
            updated_documents = []
            failed_files = []
            for doc in documents:
                source = doc.metadata.get("source", "Unknown")
                filename = source.split("/")[-1]
                try:
                    doc_hash = hash_file(source)
                    if doc_hash in self.embeddings_cache:
                        logging.info(f"Skipped unchanged file: {filename}")
                        continue
                except Exception as hash_error:
                    logging.error(f"Failed to compute hash for {filename}: {hash_error}")
                    failed_files.append(filename)
                    continue

                for chunk in text_splitter.split_text(doc.page_content):
                    chunk_hash = hashlib.sha256(chunk.encode()).hexdigest()
                    if chunk_hash in self.embeddings_cache:
                        continue
                    updated_documents.append(Document(page_content=chunk, metadata={"source": source}))
                    try:
                        embedding = self.embeddings.embed_query(chunk)
                        self.embeddings_cache[chunk_hash] = embedding
                    except Exception as embedding_error:
                        logging.error(f"Failed to generate embedding for {filename}: {embedding_error}")
                        failed_files.append(filename)
                        continue

            self._save_cache()
            logging.warning(f"Failed to process {len(failed_files)} documents: {failed_files}")
            return updated_documents
        except Exception as e:
            logging.error(f"Failed to process documents: {e}")
            return []

    def create_retriever_and_chain(self):
        try:
            if self.db:
                retriever = self.db.as_retriever()
                llm = OllamaLLM(model="llama2:latest")
                return RetrievalQA.from_chain_type(llm=llm, chain_type="stuff", retriever=retriever)
            else:
                raise ValueError("Vector store is not initialized.")
        except Exception as e:
            logging.error(f"Failed to create retriever and chain: {e}")
            return None
