from langchain_openai import OpenAIEmbeddings
from langchain.text_splitter import RecursiveCharacterTextSplitter
from langchain.vectorstores.pgvector import PGVector
from langchain_community.document_loaders import Docx2txtLoader
from typing import List
import os
from dotenv import load_dotenv
from langchain_openai import ChatOpenAI
from constant import open_ai_message_config


def initialize_environment():
    """Initialize environment variables from .env file"""
    load_dotenv()
    if not (os.getenv("OPENAI_API_KEY") or os.getenv("CONNECTION_STRING")):
        raise ValueError("OPENAI_API_KEY or CONNECTION_STRING not found in environment variables")
    else:
        print("Succesfully created env variables.")


def initialize_embeddings() -> OpenAIEmbeddings:
    return OpenAIEmbeddings()


def initialize_openai_chat() -> ChatOpenAI:
    return ChatOpenAI(
        model="gpt-4o-mini",
        temperature=0.5,
        max_tokens=None,
        timeout=None,
        max_retries=2,
    )


def load_and_split_document(file_path: str, chunk_size: int = 1000, chunk_overlap: int = 20) -> List:
    loader = Docx2txtLoader(file_path)
    data = loader.load()
    text_splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap)
    return text_splitter.split_documents(data)


def create_vector_store(
    documents: List,
    embeddings: OpenAIEmbeddings,
    connection_string: str,
    collection_name: str,
    pre_delete_collection: bool = True,
) -> PGVector:
    return PGVector.from_documents(
        embedding=embeddings,
        documents=documents,
        collection_name=collection_name,
        connection_string=connection_string,
        pre_delete_collection=pre_delete_collection,
    )


def perform_similarity_search(db: PGVector, query: str, k: int = 2) -> List:
    return db.similarity_search(query, k=k)


def perform_rag(llm: ChatOpenAI, query: str, context_docs: List) -> str:
    context = "\n".join([doc.page_content for doc in context_docs])
    enhanced_query = f"Query: {query}\nContext from similar documents:\n{context}"
    chain = open_ai_message_config | llm
    return chain.invoke({"input": enhanced_query})
