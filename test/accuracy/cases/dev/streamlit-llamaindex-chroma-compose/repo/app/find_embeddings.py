import chromadb

# A debugging script run by hand against the published Chroma port.
client = chromadb.HttpClient(host="localhost", port=8000)
collection = client.get_collection(name="llamaindex-docs")

results_all = collection.get(include=["embeddings"])
print("All embeddings:", results_all["embeddings"])

results_limited = collection.get(limit=5, include=["embeddings"])
print("Limited number of embeddings:", results_limited["embeddings"])
