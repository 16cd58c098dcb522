from langchain_community.document_loaders import PyPDFLoader
from langchain.text_splitter import CharacterTextSplitter
from langchain_openai import OpenAIEmbeddings, ChatOpenAI
from langchain.vectorstores import Chroma
from langchain.chains import RetrievalQA
from fastapi import FastAPI
from pydantic import BaseModel
from dotenv import load_dotenv
from chromadb.config import Settings
import chromadb
from typing import List

load_dotenv()

# load the guide and split it
loader = PyPDFLoader("Learn Prompting Guide.pdf")
documents = loader.load()
embeddings = OpenAIEmbeddings()

persist_directory = './chroma_db'
text_splitter = CharacterTextSplitter(chunk_size=1000, chunk_overlap=500)
docs = text_splitter.split_documents(documents)

# embed every chunk again on each start
vector_store = Chroma.from_documents(
    documents=docs,
    embedding=embeddings,
    persist_directory=persist_directory
)

client_settings = Settings(persist_directory="./chroma_db")
client = chromadb.Client(client_settings)
print("Default tenant created successfully!")

retriever = vector_store.as_retriever(search_type="similarity", search_kwargs={"k": 3})

llm_chain = ChatOpenAI(model_name="gpt-4o-mini", temperature=0)

qa_chain = RetrievalQA.from_chain_type(
    llm=llm_chain,
    retriever=retriever,
    return_source_documents=True
)

# smoke test at import time
query = "What course is free on Learn Prompting?"
response = qa_chain.invoke({"query": query})
result = response["result"]
source_documents = response["source_documents"]
print("Answer:", result)

app = FastAPI()


class Message(BaseModel):
    role: str
    content: str


class QueryPayload(BaseModel):
    messages: List[Message]


@app.post("/query")
def query_chain(payload: QueryPayload):
    if not payload.messages or len(payload.messages) == 0:
        raise HTTPException(status_code=422, detail="No messages provided.")

    query = payload.messages[-1].content
    print(f"Received query: {query}")

    try:
        response = qa_chain.invoke({"query": query})
        result = response["result"]
    except Exception as e:
        raise HTTPException(status_code=500, detail=str(e))

    return {
        "response": result,
        "source_documents": [doc.page_content for doc in source_documents]
    }


@app.get("/")
def root():
    return {"message": "Welcome to the chatbot API. Use the /query endpoint to ask questions."}
