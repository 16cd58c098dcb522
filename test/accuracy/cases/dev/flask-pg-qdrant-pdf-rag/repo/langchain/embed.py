import openai
from sentence_transformers import SentenceTransformer

model = SentenceTransformer('sentence-transformers/all-MiniLM-L6-v2')


def embed_chunks(chunks):
    """Embeds the chunks with the locally loaded sentence-transformers model."""
    embeddings = model.encode(chunks, convert_to_tensor=False)
    return embeddings


def openai_embed_chunks(chunks):
    response = openai.Embedding.create(model="text-embedding-ada-002", input=chunks)
    return [item["embedding"] for item in response["data"]]
