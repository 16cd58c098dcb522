from langchain.chains import create_retrieval_chain
from langchain.chains.combine_documents import create_stuff_documents_chain
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

from config import settings
from db import load_vectorstore


def query_rag(query: str, top_k: int = 4):
    vectorstore = load_vectorstore()
    if vectorstore is None:
        return "No documents ingested.", []

    retriever = vectorstore.as_retriever(k=top_k)
    llm = ChatOpenAI(openai_api_key=settings.OPENAI_API_KEY, temperature=0.0)
    prompt = ChatPromptTemplate.from_template("Answer from the context only: {context}\nQuestion: {input}")
    retrieval_chain = create_retrieval_chain(retriever, create_stuff_documents_chain(llm, prompt))

    result = retrieval_chain.invoke({"input": query})
    docs = retriever.invoke(query)
    return result["answer"], [d.metadata.get("source", "uploaded") for d in docs]
