from fastapi import APIRouter, HTTPException
from uuid import uuid4
from app.db import sessions_collection
import openai
from pydantic import BaseModel
import os
from dotenv import load_dotenv

load_dotenv()

openai.api_key = os.getenv("OPENAI_API_KEY")

router = APIRouter()


class ChatRequest(BaseModel):
    sessionId: str
    message: str


@router.post("/session")
def create_session():
    session_id = str(uuid4())
    sessions_collection.insert_one({"sessionId": session_id, "history": []})
    return {"sessionId": session_id}


@router.post("/chat")
def send_message(request: ChatRequest):
    sessionId = request.sessionId
    message = request.message
    session = sessions_collection.find_one({"sessionId": sessionId})
    if not session:
        raise HTTPException(status_code=404, detail="Session not found")

    history = session["history"]
    history.append({"role": "user", "content": message})

    messages = [{"role": h["role"], "content": h["content"]} for h in history]
    try:
        response = openai.chat.completions.create(
            model="gpt-3.5-turbo",
            messages=messages
        )
    except Exception as e:
        raise HTTPException(status_code=500, detail=str(e))

    bot_response = response.choices[0].message.content

    history.append({"role": "assistant", "content": bot_response})

    sessions_collection.update_one(
        {"sessionId": sessionId},
        {"$set": {"history": history}}
    )

    return {"response": bot_response}


@router.get("/session/{sessionId}/history")
def get_history(sessionId: str):
    session = sessions_collection.find_one({"sessionId": sessionId})
    if not session:
        raise HTTPException(status_code=404, detail="Session not found")
    return {"sessionId": sessionId, "history": session["history"]}


@router.get("/")
def read_root():
    return {"message": "Welcome to the OpenAI Session API!"}
