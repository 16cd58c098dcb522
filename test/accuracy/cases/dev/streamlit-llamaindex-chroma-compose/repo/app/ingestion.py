import os
from dotenv import load_dotenv

from llama_index.core import SimpleDirectoryReader, VectorStoreIndex, StorageContext, Settings
from llama_index.core.node_parser import SimpleNodeParser
from llama_index.llms.openai import OpenAI
from llama_index.embeddings.openai import OpenAIEmbedding
from llama_index.vector_stores.chroma import ChromaVectorStore
import chromadb

load_dotenv()

if __name__ == "__main__":
    print("Ingesting documentation into Chroma...")
    documents = SimpleDirectoryReader("./llamaindex-docs").load_data()

    llm = OpenAI(model="gpt-4", temperature=0)
    embed_model = OpenAIEmbedding(model="text-embedding-3-small", embed_batch_size=100)

    Settings.llm = llm
    Settings.embed_model = embed_model
    Settings.node_parser = SimpleNodeParser.from_defaults(chunk_size=500, chunk_overlap=20)

    client = chromadb.HttpClient(host="chroma-db", port=8000)
    collection = client.get_or_create_collection(name="llamaindex-docs")

    vector_store = ChromaVectorStore(chroma_collection=collection)
    storage_context = StorageContext.from_defaults(vector_store=vector_store)
    index = VectorStoreIndex.from_documents(
        documents,
        storage_context=storage_context,
        show_progress=True,
    )

    print("Finished ingesting into Chroma.")
