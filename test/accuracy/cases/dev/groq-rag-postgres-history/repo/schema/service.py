from sqlalchemy.orm import Session

from schema.models import ChatRow


def save_turn(db: Session, row: dict):
    item = ChatRow(**row)
    db.add(item)
    db.commit()
    db.refresh(item)
    return item


def load_history(db: Session, session_id: str):
    records = (
        db.query(ChatRow).filter(ChatRow.session_id == session_id).order_by(ChatRow.timestamp.desc()).all()
    )
    messages = []
    for record in records:
        messages.extend([
            {"role": "user", "content": record.user_query},
            {"role": "assistant", "content": record.ai_response},
        ])
    return messages
