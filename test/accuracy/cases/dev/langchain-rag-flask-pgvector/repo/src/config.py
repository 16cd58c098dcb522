import os

from dotenv import load_dotenv

load_dotenv(".env", override=True)

INDEX_PASSWORD = os.getenv("INDEX_PASSWORD")
SYSTEM_PROMPT = os.getenv("SYSTEM_PROMPT")
OPENAI_EMBEDDINGS_MODEL = os.getenv("OPENAI_EMBEDDINGS_MODEL")
OPENAI_CHAT_MODEL = os.getenv("OPENAI_CHAT_MODEL")

POSTGRES_USER = os.getenv("POSTGRES_USER")
POSTGRES_PASSWORD = os.getenv("POSTGRES_PASSWORD")
POSTGRES_HOST = os.getenv("POSTGRES_HOST")
POSTGRES_DB = os.getenv("POSTGRES_DB")
CONNECTION_STRING = f"postgresql+asyncpg://{POSTGRES_USER}:{POSTGRES_PASSWORD}@{POSTGRES_HOST}/{POSTGRES_DB}"

required = [INDEX_PASSWORD, OPENAI_EMBEDDINGS_MODEL, OPENAI_CHAT_MODEL, POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_HOST]
if not all(required):
    raise RuntimeError("Missing environment variable")
