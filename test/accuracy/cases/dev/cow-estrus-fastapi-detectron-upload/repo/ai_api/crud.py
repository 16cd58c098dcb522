from sqlalchemy.orm import Session
import models, schemas
from pydantic_core import from_json
import hashlib, secrets


def create_notification(db: Session, location: int, cctv: int, time: str, pred_id: int):
    db_notification = models.Notification(location=location, cctv=cctv, time=time, pred_id=pred_id)
    db.add(db_notification)
    db.commit()
    db.refresh(db_notification)
    return db_notification


def create_prediction(db: Session, prediction: schemas.PredictionCreate):
    db_prediction = models.Prediction(content=prediction.model_dump_json(), confirm=0)
    db.add(db_prediction)
    db.commit()
    db.refresh(db_prediction)
    content = from_json(db_prediction.content)
    return schemas.Prediction(id=db_prediction.id, boxes=content["boxes"], scores=content["scores"], classes=content["classes"], confirm=db_prediction.confirm)


def create_user(db: Session, user: schemas.UserCreate):
    m = hashlib.sha256()
    salt = secrets.token_bytes(16).hex()
    m.update(user.password.encode('utf-8'))
    m.update(bytes.fromhex(salt))
    db_user = models.User(username=user.username, salt=salt, password=m.hexdigest())
    db.add(db_user)
    db.commit()
    db.refresh(db_user)
    return db_user


def get_user(db: Session, username: str):
    return db.query(models.User).filter(models.User.username == username).first()


def get_users(db: Session, skip: int = 0, limit: int = 100):
    return db.query(models.User).order_by(models.User.id.asc()).offset(skip).limit(limit).all()
