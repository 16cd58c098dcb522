from fastapi import APIRouter, HTTPException, UploadFile, File, Form
from typing import Optional
from src.services.chat_service import ChatService
import os
from openai import OpenAI
from dotenv import load_dotenv

load_dotenv()

client = OpenAI(api_key=os.getenv("OPENAI_API_KEY"))

router = APIRouter(prefix="/assistants", tags=["assistants"])


# Chat with one assistant
@router.post("/{assistant_id}/chat")
async def chat_with_assistant(
    assistant_id: str,
    message: Optional[str] = Form(None),
    audio: Optional[UploadFile] = File(None)
):
    if not message and not audio:
        raise HTTPException(status_code=400, detail="Send a text message or an audio file")

    if message and audio:
        raise HTTPException(status_code=400, detail="Text and audio cannot be sent together")

    return await ChatService.chat_with_assistant(assistant_id, message, audio)
