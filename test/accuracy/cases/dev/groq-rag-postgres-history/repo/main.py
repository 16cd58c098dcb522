import logging
import os
from typing import Optional
from uuid import uuid4

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from schema.chroma_utils import add_folder_to_store, delete_from_store
from schema.db_utils import get_db
from schema.models import ChatRow
from schema.response import answer_question
from schema.service import load_history, save_turn

logging.basicConfig(filename="app.log", level=logging.INFO)
app = FastAPI()


class QueryRequest(BaseModel):
    session_id: Optional[str] = Field(..., description="session id")
    query: str = Field(..., description="the user's question")


@app.post("/create_db")
def create_db(folder_path: str, file_id: int):
    if not os.path.exists(folder_path):
        raise HTTPException(status_code=400, detail="Folder path does not exist")
    try:
        if add_folder_to_store(folder_path, file_id):
            logging.info(f"store built for {file_id} from {folder_path}")
            return {"message": f"store built for {file_id}"}
    except Exception as e:
        raise HTTPException(status_code=500, detail=f"Error creating vector store: {e}")


@app.post("/query")
def ask(req: QueryRequest, db: Session = Depends(get_db)):
    session_id = req.session_id or str(uuid4())
    question = req.query
    history = load_history(db=db, session_id=session_id)
    answer, updated = answer_question(history, question)
    if not answer:
        raise HTTPException(status_code=500, detail="Failed to get response")
    save_turn(db=db, row={"session_id": session_id, "user_query": question, "ai_response": answer})
    logging.info(f"Session ID: {session_id}, Question: {question}, Answer: {answer}")
    return {"answer": answer, "chat_history": updated}


@app.delete("/delete_db")
def delete_db(file_id):
    if delete_from_store(file_id):
        return {"message": "deleted"}
    raise HTTPException(status_code=500, detail="Failed to delete vector store")


@app.delete("/clear_session/{session_id}")
def clear_session(session_id: str, db: Session = Depends(get_db)):
    try:
        db.query(ChatRow).filter(ChatRow.session_id == session_id).delete()
        db.commit()
        return {"message": f"Session {session_id} cleared"}
    except Exception as e:
        raise HTTPException(status_code=500, detail=f"Error clearing session: {e}")
