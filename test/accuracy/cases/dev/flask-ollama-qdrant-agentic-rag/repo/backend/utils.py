from qdrant_client import QdrantClient
from qdrant_client.models import PointStruct, CollectionConfig
from transformers import pipeline, AutoTokenizer, AutoModel
import numpy as np
import hashlib
import random
from config import COLLECTION_NAME, QDRANT_HOST, QDRANT_PORT, SENTENCE_TRANSFORMER_MODEL, QDRANT_COLLECTION_LENGTH, PIPELINE_MODEL


def get_answer(question):
    qdrant_client_instance = QdrantClient(host=QDRANT_HOST, port=QDRANT_PORT)
    tokenizer = AutoTokenizer.from_pretrained(SENTENCE_TRANSFORMER_MODEL)
    model = AutoModel.from_pretrained(SENTENCE_TRANSFORMER_MODEL)

    query_encoding = tokenizer(question, return_tensors="pt")
    query_embedding = model(**query_encoding).last_hidden_state.mean(dim=1).detach().numpy().flatten().tolist()

    results = qdrant_client_instance.search(collection_name=COLLECTION_NAME, query_vector=query_embedding, limit=5)

    context = ""
    for result in results:
        if 'text' in result.payload:
            context += result.payload['text'] + "\n"

    qa_pipeline = pipeline("question-answering", model=PIPELINE_MODEL)
    answer = qa_pipeline(question=question, context=context)

    print(answer['answer'])
    return answer['answer']


def add_question_answer_to_qdrant(question, answer):
    qdrant_client_instance = QdrantClient(host=QDRANT_HOST, port=QDRANT_PORT)

    collections = qdrant_client_instance.get_collections()
    if COLLECTION_NAME not in [collection.name for collection in collections.collections]:
        config = CollectionConfig(name=COLLECTION_NAME, vector_size=768)
        qdrant_client_instance.create_collection(config=config)

    tokenizer = AutoTokenizer.from_pretrained(SENTENCE_TRANSFORMER_MODEL)
    model = AutoModel.from_pretrained(SENTENCE_TRANSFORMER_MODEL)

    question_encoding = tokenizer(question, return_tensors="pt")
    answer_encoding = tokenizer(answer, return_tensors="pt")

    question_embedding = model(**question_encoding).last_hidden_state.mean(dim=1).detach().numpy().flatten()
    answer_embedding = model(**answer_encoding).last_hidden_state.mean(dim=1).detach().numpy().flatten()

    qdrant_client_instance.upsert(
        collection_name=COLLECTION_NAME,
        points=[
            PointStruct(id=generate_id(question), vector=question_embedding.tolist(), payload={'type': 'question', 'text': question}),
            PointStruct(id=generate_id(answer), vector=answer_embedding.tolist(), payload={'type': 'answer', 'text': answer}),
        ]
    )


def get_random_questions_from_collection():
    qdrant_client_instance = QdrantClient(host=QDRANT_HOST, port=QDRANT_PORT)

    query_vector = np.random.rand(QDRANT_COLLECTION_LENGTH)
    points = qdrant_client_instance.search(collection_name=COLLECTION_NAME, query_vector=query_vector, limit=10)

    questions = [point for point in points if point.payload['type'] == 'question']

    random.shuffle(questions)
    return [question.payload['text'] for question in questions[:3]]


def generate_id(text):
    return int(hashlib.sha256(text.encode('utf-8')).hexdigest(), 16) % 10**8
