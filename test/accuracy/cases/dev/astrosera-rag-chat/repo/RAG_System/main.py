import os
from typing import List

from dotenv import load_dotenv
from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from langchain_chroma import Chroma
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI, OpenAIEmbeddings
from pydantic import BaseModel

load_dotenv()

PERSISTENT_DIRECTORY = "db/chroma_db"
embeddings = OpenAIEmbeddings(model="text-embedding-3-small")

if os.path.exists(PERSISTENT_DIRECTORY):
    db = Chroma(persist_directory=PERSISTENT_DIRECTORY, embedding_function=embeddings)
else:
    print("Warning: ChromaDB not found. Please run ingestion.py first.")
    db = None

model = ChatOpenAI(model="gpt-4o")

# conversation memory, kept in the process
chat_sessions: dict[str, List[BaseMessage]] = {}


class ChatRequest(BaseModel):
    session_id: str
    question: str


class Citation(BaseModel):
    title: str
    url: str


class ChatResponse(BaseModel):
    answer: str
    citations: List[Citation]


app = FastAPI(title="AstraBot RAG API")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:3000", "http://localhost:5173"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.post("/chat", response_model=ChatResponse)
async def chat_endpoint(request: ChatRequest):
    if not db:
        raise HTTPException(status_code=500, detail="Database not initialized. Run ingestion first.")

    session_id = request.session_id
    user_question = request.question

    if session_id not in chat_sessions:
        chat_sessions[session_id] = []
    history = chat_sessions[session_id]

    search_question = user_question
    if history:
        messages = [
            SystemMessage(content="Rewrite the user's question to be standalone."),
        ] + history[-4:] + [HumanMessage(content=f"New question: {user_question}")]
        reformulated = model.invoke(messages)
        search_question = reformulated.content.strip()
        print(f"Original: {user_question} | Search: {search_question}")

    retriever = db.as_retriever(search_kwargs={"k": 3})
    docs = retriever.invoke(search_question)
    citations_list = []
    doc_context = []
    for doc in docs:
        doc_context.append(doc.page_content)
        source = doc.metadata.get("source", "Unknown Source")
        citations_list.append(Citation(title=os.path.basename(source), url=source))

    context_text = "\n\n".join(doc_context)
    prompt = f"Context:\n{context_text}\n\nQuestion:\n{user_question}"
    messages = [SystemMessage(content="You are AstraBot.")] + history[-4:] + [HumanMessage(content=prompt)]

    ai_response = model.invoke(messages)
    answer_text = ai_response.content

    chat_sessions[session_id].append(HumanMessage(content=user_question))
    chat_sessions[session_id].append(AIMessage(content=answer_text))

    return ChatResponse(answer=answer_text, citations=citations_list)


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=8000)
