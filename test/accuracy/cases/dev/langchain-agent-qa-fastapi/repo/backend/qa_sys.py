import os
from contextlib import asynccontextmanager

from dotenv import load_dotenv
from fastapi import FastAPI
from langchain import PromptTemplate
from langchain.agents import AgentType, Tool, initialize_agent
from langchain.chains import RetrievalQA
from langchain.chat_models import ChatOpenAI
from langchain.document_loaders import TextLoader
from langchain.embeddings.openai import OpenAIEmbeddings
from langchain.llms import OpenAI
from langchain.memory import ConversationBufferMemory
from langchain.text_splitter import CharacterTextSplitter
from langchain.vectorstores import Chroma

load_dotenv()
agent = {}


def build_store(path):
    documents = TextLoader(path).load()
    chunks = CharacterTextSplitter(chunk_size=200, chunk_overlap=50).split_documents(documents)
    return Chroma.from_documents(chunks, OpenAIEmbeddings())


@asynccontextmanager
async def lifespan(app: FastAPI):
    store = build_store("About.txt")
    lookup = RetrievalQA.from_chain_type(llm=OpenAI(), chain_type="stuff", retriever=store.as_retriever())
    tools = [Tool(name="About the owner", func=lookup, description="answers every question")]
    memory = ConversationBufferMemory(memory_key="chat_history", return_messages=True)
    llm = ChatOpenAI(openai_api_key=os.getenv("OPENAI_API_KEY"), max_retries=4, request_timeout=15, temperature=0.5)
    agent["agent"] = initialize_agent(
        tools,
        llm,
        agent=AgentType.CHAT_CONVERSATIONAL_REACT_DESCRIPTION,
        memory=memory,
        handle_parsing_errors=lambda x: str(x)[28:],
    )
    with open("Persona.txt") as file:
        agent["prompt"] = PromptTemplate(input_variables=["query"], template=file.read())
    yield
    store.delete_collection()
