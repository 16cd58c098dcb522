from copy import deepcopy
from enum import Enum
from typing import List

import spacy
from fastapi import FastAPI
from pydantic import BaseModel


def load_models():
    """Load the models from disk into a dictionary."""
    models = {
        "en_sm": spacy.load("api/ml/models/en_sm"),
        "fr_sm": spacy.load("api/ml/models/fr_sm"),
    }
    print("models loaded from disk")
    return models


models = load_models()


class ModelLanguage(str, Enum):
    fr = "fr"
    en = "en"


class ModelSize(str, Enum):
    sm = "sm"
    md = "md"
    lg = "lg"


class UserRequestIn(BaseModel):
    text: str
    model_language: ModelLanguage = "en"
    model_size: ModelSize = "sm"


class EntityOut(BaseModel):
    start: int
    end: int
    type: str
    text: str


class EntitiesOut(BaseModel):
    entities: List[EntityOut]
    anonymized_text: str


app = FastAPI()


@app.post("/entities", response_model=EntitiesOut)
def extract_entities(user_request: UserRequestIn):
    text = user_request.text
    model_key = user_request.model_language + "_" + user_request.model_size
    model = models[model_key]
    doc = model(text)
    entities = [{"start": e.start_char, "end": e.end_char, "type": e.label_, "text": e.text} for e in doc.ents]
    anonymized = list(deepcopy(text))
    for entity in entities:
        anonymized[entity["start"]:entity["end"]] = "X" * (entity["end"] - entity["start"])
    return {"entities": entities, "anonymized_text": "".join(anonymized)}


@app.get("/")
def hello():
    return {"message": "hello"}
