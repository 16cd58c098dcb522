from fastapi import FastAPI, UploadFile, File, HTTPException
from pydantic import BaseModel, Field
from typing import List, Optional, Dict, Any, TypedDict
import uuid
import io
import datetime
import PyPDF2
from langchain_text_splitters import RecursiveCharacterTextSplitter
from langchain_community.vectorstores import FAISS
from langchain_ollama.chat_models import ChatOllama
from langchain_core.prompts import PromptTemplate
from langchain_core.messages import HumanMessage, AIMessage, SystemMessage
from langchain_core.documents import Document
from langchain_huggingface import HuggingFaceEmbeddings
from langgraph.checkpoint.memory import MemorySaver
from langgraph.graph import StateGraph, END
from sqlalchemy import create_engine, Column, String, Integer, DateTime, Text
from sqlalchemy.dialects.sqlite import JSON as SQLiteJSON
from sqlalchemy.orm import sessionmaker, DeclarativeBase
import uvicorn

app = FastAPI(title="Conversational RAG API")

DATABASE_URL = "sqlite:///database_telemetry.db"
engine = create_engine(DATABASE_URL)
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


class Base(DeclarativeBase):
    pass


class Telemetry(Base):
    __tablename__ = "telemetry_table"
    transaction_id = Column(String, primary_key=True)
    session_id = Column(String)
    user_question = Column(Text)
    response = Column(Text)
    total_tokens = Column(Integer)
    dtcreatedon = Column(DateTime)


class ConversationHistory(Base):
    __tablename__ = "conversation_history"
    session_id = Column(String, primary_key=True)
    messages = Column(SQLiteJSON, nullable=False)
    last_updated = Column(DateTime, default=datetime.datetime.now)


my_model_name = "granite2b"
llm = ChatOllama(model=my_model_name)
embeddings = HuggingFaceEmbeddings(
    model_name="D:/Langgraph_Agent/Agents/chatbots/embeddingmodels/all-MiniLM-L12-v2",
    model_kwargs={'device': 'cpu'},
    encode_kwargs={'normalize_embeddings': False}
)


class GraphState(TypedDict):
    chat_history: List[Dict[str, Any]]
    retrieved_documents: List[str]
    user_question: str
    session_id: str
    telemetry_id: Optional[str] = None


vectorstore_retriever = None
compiled_app = None
memory = MemorySaver()


def retrieve_documents(state: GraphState):
    global vectorstore_retriever
    if vectorstore_retriever is None:
        raise ValueError("Knowledge base not loaded. Please upload documents first.")
    retrieved_docs = vectorstore_retriever.invoke(state["user_question"])
    return {"retrieved_documents": [doc.page_content for doc in retrieved_docs]}


def generate_response(state: GraphState):
    user_question = state["user_question"]
    context = "\n\n".join(state["retrieved_documents"])
    template = """
        You are a helpful AI assistant. Answer the user's question based on the provided context {context} and the conversation history {chat_history}.
        \n\nHere is the Question:\n{user_question}
    """
    rag_prompt = PromptTemplate(input_variables=["context", "chat_history", "user_question"], template=template)
    rag_chain = rag_prompt | llm
    response_obj = rag_chain.invoke({
        "context": [SystemMessage(content=context)],
        "chat_history": state["chat_history"],
        "user_question": [HumanMessage(content=user_question)]
    })
    telemetry_data = response_obj.model_dump()
    total_tokens = telemetry_data.get('usage_metadata', {}).get('total_tokens', 0)

    db = SessionLocal()
    transaction_id = str(uuid.uuid4())
    try:
        telemetry_record = Telemetry(
            transaction_id=transaction_id,
            session_id=state.get("session_id"),
            user_question=user_question,
            response=response_obj.content,
            total_tokens=total_tokens,
            dtcreatedon=datetime.datetime.now()
        )
        db.add(telemetry_record)
        new_messages = state["chat_history"] + [
            {"role": "user", "content": user_question},
            {"role": "assistant", "content": response_obj.content, "telemetry_id": transaction_id}
        ]
        print(f"Saving conversation for session_id: {state.get('session_id')}")
        db.add(ConversationHistory(session_id=state.get("session_id"), messages=new_messages, last_updated=datetime.datetime.now()))
        db.commit()
    except Exception as e:
        db.rollback()
        print(f"***CRITICAL ERROR***: Failed to save data to database. Error: {e}")
    finally:
        db.close()

    return {
        "chat_history": new_messages,
        "telemetry_id": transaction_id
    }


workflow = StateGraph(GraphState)
workflow.add_node("retrieve", retrieve_documents)
workflow.add_node("generate", generate_response)
workflow.set_entry_point("retrieve")
workflow.add_edge("retrieve", "generate")
workflow.add_edge("generate", END)
compiled_app = workflow.compile(checkpointer=memory)


class ChatHistoryEntry(BaseModel):
    role: str
    content: str
    telemetry_id: Optional[str] = None


class ChatRequest(BaseModel):
    user_question: str
    session_id: str
    chat_history: Optional[List[ChatHistoryEntry]] = Field(default_factory=list)


class ChatResponse(BaseModel):
    ai_response: str
    updated_chat_history: List[ChatHistoryEntry]
    telemetry_entry_id: str


class ConversationSummary(BaseModel):
    session_id: str
    title: str


@app.post("/upload-documents")
async def upload_documents(files: List[UploadFile] = File(...)):
    global vectorstore_retriever

    all_documents = []
    for uploaded_file in files:
        if uploaded_file.content_type == "text/plain":
            string_data = (await uploaded_file.read()).decode("utf-8")
            all_documents.append(Document(page_content=string_data, metadata={"source": uploaded_file.filename}))
        elif uploaded_file.content_type == "application/pdf":
            pdf_bytes = io.BytesIO(await uploaded_file.read())
            reader = PyPDF2.PdfReader(pdf_bytes)
            pdf_text = "".join([page.extract_text() + "\n" for page in reader.pages])
            all_documents.append(Document(page_content=pdf_text, metadata={"source": uploaded_file.filename}))
        else:
            raise HTTPException(status_code=400, detail=f"Unsupported file type: {uploaded_file.filename} ({uploaded_file.content_type})")

    if not all_documents:
        raise HTTPException(status_code=400, detail="No supported documents uploaded.")

    text_splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=100)
    splits = text_splitter.split_documents(all_documents)

    vectorstore = FAISS.from_documents(documents=splits, embedding=embeddings)
    vectorstore_retriever = vectorstore.as_retriever(search_kwargs={'k': 5})

    return {"message": f"Successfully processed {len(files)} documents and created knowledge base."}


@app.post("/chat", response_model=ChatResponse)
async def chat_with_rag(request: ChatRequest):
    if vectorstore_retriever is None:
        raise HTTPException(status_code=400, detail="Knowledge base not loaded. Please upload documents first.")

    initial_state = {
        "chat_history": [msg.model_dump() for msg in request.chat_history],
        "retrieved_documents": [],
        "user_question": request.user_question,
        "session_id": request.session_id
    }

    try:
        config = {"configurable": {"thread_id": request.session_id}}
        final_state = compiled_app.invoke(initial_state, config=config)
        return ChatResponse(
            ai_response=final_state["chat_history"][-1]["content"],
            updated_chat_history=final_state["chat_history"],
            telemetry_entry_id=final_state.get("telemetry_id")
        )
    except Exception as e:
        print(f"Internal Server Error: {e}")
        raise HTTPException(status_code=500, detail=f"An error occurred during chat processing: {e}")


@app.get("/conversations", response_model=List[ConversationSummary])
async def get_conversations():
    db = SessionLocal()
    try:
        conversations = db.query(ConversationHistory).order_by(ConversationHistory.last_updated.desc()).all()
        summaries = []
        for conv in conversations:
            first_user_message = next((msg for msg in conv.messages if msg["role"] == "user"), None)
            title = first_user_message["content"] if first_user_message else "New Conversation"
            summaries.append(ConversationSummary(session_id=conv.session_id, title=title[:30]))
        return summaries
    finally:
        db.close()


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
