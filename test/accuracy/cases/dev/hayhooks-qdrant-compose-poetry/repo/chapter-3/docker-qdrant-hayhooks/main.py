import os
import getpass
import requests

from haystack import Pipeline
from haystack import Document
from haystack.components.writers import DocumentWriter
from haystack.components.embedders import (
    SentenceTransformersTextEmbedder,
    SentenceTransformersDocumentEmbedder,
)
from haystack_integrations.document_stores.qdrant import QdrantDocumentStore
from haystack_integrations.components.retrievers.qdrant import QdrantEmbeddingRetriever
from haystack.components.builders.prompt_builder import PromptBuilder
from haystack.components.generators import OpenAIGenerator


def get_data():
    url = "https://poetrydb.org/author/"
    author_name = "William Shakespeare"
    data = requests.get(url + author_name)
    data = data.json()

    documents = []
    for doc in data:
        sentence = " ".join(doc["lines"])
        documents.append(
            Document(
                content=sentence,
                meta={"Title": doc["title"], "Author": doc["author"], "Linecount": doc["linecount"]},
            )
        )
    return documents


def build_indexing_pipeline():
    indexing_pipeline = Pipeline()
    indexing_pipeline.add_component("embedder", SentenceTransformersDocumentEmbedder())
    indexing_pipeline.add_component("writer", DocumentWriter(QdrantDocumentStore()))
    indexing_pipeline.connect("embedder", "writer")
    return indexing_pipeline


def build_query_pipeline():
    query_pipeline = Pipeline()
    query_pipeline.add_component("embedder", SentenceTransformersTextEmbedder())
    query_pipeline.add_component("retriever", QdrantEmbeddingRetriever(QdrantDocumentStore()))
    query_pipeline.add_component("prompt_builder", PromptBuilder(template=template))
    query_pipeline.add_component("generator", OpenAIGenerator(model="gpt-3.5-turbo"))
    query_pipeline.connect("embedder.embedding", "retriever.query_embedding")
    query_pipeline.connect("retriever", "prompt_builder.documents")
    query_pipeline.connect("prompt_builder", "generator")
    return query_pipeline


if __name__ == "__main__":
    documents_list = get_data()
    indexing_pipeline = build_indexing_pipeline()
    indexing_pipeline.run({"documents": documents_list})

    if "OPENAI_API_KEY" not in os.environ:
        os.environ["OPENAI_API_KEY"] = getpass("Enter OpenAI API key:")

    template = """
                Given the following information, answer the query
                based on data from Document store.

                Context:
                {% for document in documents %}
                    {{ document.content }}
                {% endfor %}

                Question: {{ query }}?
              """

    querying_pipeline = build_query_pipeline()
    question = input("Enter the query: ")
    print(
        querying_pipeline.run(
            {"embedder": {"text": question}, "prompt_builder": {"query": question}}
        )
    )
