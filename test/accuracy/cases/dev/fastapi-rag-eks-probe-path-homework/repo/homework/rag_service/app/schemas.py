from datetime import datetime
from pydantic import BaseModel
from typing import Optional


class MessageQuery(BaseModel):
    query: str


class MessageResponse(BaseModel):
    content: str
    similarity_score: Optional[float] = None
    rag_processed: bool = True


class User(BaseModel):
    id: int
    username: str
    email: str
    created_at: datetime

    class Config:
        orm_mode = True


class Item(BaseModel):
    id: int
    name: str
    description: Optional[str] = None
    price: Optional[float] = None
    created_at: datetime

    class Config:
        orm_mode = True
