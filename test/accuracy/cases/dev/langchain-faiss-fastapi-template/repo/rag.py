import os
import argparse
from os import listdir, path

from dotenv import load_dotenv
from langchain_openai import OpenAIEmbeddings, ChatOpenAI
from langchain_community.document_loaders import TextLoader
from langchain_community.vectorstores import FAISS
from langchain_text_splitters import RecursiveCharacterTextSplitter
from langchain.chains.combine_documents import create_stuff_documents_chain
from langchain.chains import create_retrieval_chain
from langchain_core.prompts import ChatPromptTemplate


def load_api_key():
    env_var = os.getenv("OPENAI_API_KEY")
    if env_var and env_var != "":
        os.environ["OPENAI_API_KEY"] = env_var
        print("API key taken from environment.")
    else:
        load_dotenv()
        print("Loaded API key from .env file")


def load_documents(folder="./documents"):
    docs = []
    for item in listdir(folder):
        docs.extend(TextLoader(path.join(folder, item)).load())
    return docs


def populate_vector_db(docs, db_path="vectors"):
    load_api_key()
    embeddings = OpenAIEmbeddings(model="text-embedding-3-small")
    documents = RecursiveCharacterTextSplitter().split_documents(docs)
    vector = FAISS.from_documents(documents, embeddings)
    vector.save_local(db_path)
    return vector


def load_vector_db(db_path="vectors"):
    load_api_key()
    embeddings = OpenAIEmbeddings(model="text-embedding-3-small")
    return FAISS.load_local(db_path, embeddings, allow_dangerous_deserialization=True)


def get_retrieval_chain():
    load_api_key()
    prompt = ChatPromptTemplate.from_template(
        "Answer based only on the context:\n<context>{context}</context>\nQuestion: {input}"
    )
    print("this is the key:", os.environ["OPENAI_API_KEY"])
    llm = ChatOpenAI(openai_api_key=os.environ["OPENAI_API_KEY"])
    document_chain = create_stuff_documents_chain(llm, prompt)
    retriever = load_vector_db().as_retriever()
    return create_retrieval_chain(retriever, document_chain)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--db-path", type=str, default="vectors")
    parser.add_argument("--document-folder", type=str, default="./documents")
    args = parser.parse_args()
    populate_vector_db(load_documents(args.document_folder), args.db_path)
