# app/langchain_stuff/langchain_services/basic_chat.py

import asyncio
from uuid import UUID

from langchain_community.chat_models import ChatOllama
from langchain_core.prompts import (
    ChatPromptTemplate,
    HumanMessagePromptTemplate,
    AIMessagePromptTemplate,
    SystemMessagePromptTemplate
)

from models.db import Message, get_async_session
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy import select


# works on "app" containter which is the rag5 backend container 
llm = ChatOllama(model="phi3:3.8b", base_url="http://ollama:11434")

async def chat_with_history(new_message, user_id, conversation_id, db: AsyncSession, message_history=None):
    if isinstance(conversation_id, str):
        conversation_id = UUID(conversation_id)

    if message_history is None:
        messages = await db.execute(
            select(Message).where(Message.conversation_id == conversation_id).order_by(Message.created_at)
        )
        message_history = [
            SystemMessagePromptTemplate.from_template("You are a helpful assistant.")
        ]
        for message in messages.scalars():
            if message.role == "user":
                message_history.append(HumanMessagePromptTemplate.from_template(message.content))
            elif message.role == "assistant":
                message_history.append(AIMessagePromptTemplate.from_template(message.content))

    message_history.append(HumanMessagePromptTemplate.from_template(new_message))

    user_message = Message(conversation_id=conversation_id, role="user", content=new_message, user_id=user_id)
    db.add(user_message)
    await db.commit()
    await db.refresh(user_message)

    prompt = ChatPromptTemplate.from_messages(message_history)

    # Send the prompt to the LLM and get the response
    response = llm.invoke(prompt.format_messages()).content

    message_history.append(AIMessagePromptTemplate.from_template(response))

    assistant_message = Message(conversation_id=conversation_id, role="assistant", content=response, user_id=user_id)
    db.add(assistant_message)
    await db.commit()
    await db.refresh(assistant_message)

    return response, message_history
