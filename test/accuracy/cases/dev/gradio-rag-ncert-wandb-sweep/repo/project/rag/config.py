import json
from pathlib import Path

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    # Paths
    CHROMA_DIR: Path = Path("data/chroma")
    NCERT_DIR: Path = Path("data/ncert")

    # Embeddings & retrieval
    EMBEDDING_MODEL: str = "sentence-transformers/all-MiniLM-L6-v2"
    RETRIEVER_K: int = 4

    # Generation via TGI
    TGI_URL: str = "http://localhost:8080"
    HF_API_TOKEN: str | None = None

    class Config:
        env_file = ".env"


settings = Settings()

# The configuration promoted from the W&B sweep overrides the defaults.
BEST_CONFIG_FILE = Path("best_config.json")

if BEST_CONFIG_FILE.exists() and BEST_CONFIG_FILE.is_file():
    print("--- Loading 'best_config.json' from W&B sweep ---")
    try:
        with open(BEST_CONFIG_FILE, "r") as f:
            best_config = json.load(f)
        # chunk_size and chunk_overlap are build-time parameters; only top_k applies here.
        settings.RETRIEVER_K = best_config.get("top_k", settings.RETRIEVER_K)
        print(f"--- Overwriting RETRIEVER_K with: {settings.RETRIEVER_K} ---")
    except Exception as e:
        print(f"Warning: Could not load best_config.json. Using defaults. Error: {e}")
else:
    print("--- No 'best_config.json' found. Using default settings. ---")
