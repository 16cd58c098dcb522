from embed import embed_chunks
from process_pdf import chunk_pdf
from storage_manager import StorageManager

pg_config = {
    'dbname': 'ragllm',
    'user': 'postgres',
    'password': 'wearelegion',
    'host': 'localhost',
    'port': '5432'
}

storage_manager = StorageManager(pg_config)


def process_and_store_pdf(pdf_file_path):
    storage_manager.create_qdrant_collection()

    chunks = chunk_pdf(pdf_file_path, chunk_size=500)
    embeddings = embed_chunks(chunks)

    for i, chunk_text in enumerate(chunks):
        embedding = embeddings[i]
        storage_manager.store_chunk(chunk_number=i, chunk_text=chunk_text, embedding=embedding)


if __name__ == "__main__":
    process_and_store_pdf("m.pdf")
