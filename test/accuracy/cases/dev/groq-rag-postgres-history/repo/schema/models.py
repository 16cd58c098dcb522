from datetime import datetime

from sqlalchemy import Column, DateTime, Integer, String, Text

from schema.db_utils import Base


class ChatRow(Base):
    __tablename__ = "chat_history"
    id = Column(Integer, primary_key=True)
    session_id = Column(String, index=True)
    user_query = Column(Text)
    ai_response = Column(Text)
    timestamp = Column(DateTime, default=datetime.utcnow)
