import os
import re

from langchain_openai import OpenAIEmbeddings
from langchain_community.vectorstores import Chroma
from langchain_openai import ChatOpenAI
from langchain.schema import HumanMessage
from chromadb import PersistentClient

from dotenv import load_dotenv
load_dotenv()
openai_api_key = os.getenv("OPENAI_API_KEY")

if not openai_api_key:
    raise ValueError("OpenAI API key not found.")

chroma_store = Chroma(
    embedding_function=OpenAIEmbeddings(),
    persist_directory="chroma_db",
    collection_name="bakery_vector_store"
)

client = PersistentClient(path="./chroma_db")
collection = client.get_collection("bakery_vector_store")
docs = collection.get()


class AIModel():
    def request(self, personality_query):

        similar_docs = chroma_store.similarity_search(personality_query, k=1)

        llm = ChatOpenAI(temperature=0.7)

        explanation_prompt = (
            f"Explain in three lines how this bakery matches the personality I typed.\n"
            f"Be playful and polite.\n\n"
            f"User personality: {personality_query}\n"
            f"Recommended bakery: {similar_docs[0].page_content}"
        )
        explanation = llm.invoke([HumanMessage(content=explanation_prompt)])

        text = similar_docs[0].page_content

        name_match = re.search(r'Name:\s*(.+)', text)
        bakery_name = name_match.group(1).strip() if name_match else None

        score_match = re.search(r'Score\s*([\d.]+)', text)
        overall_score = score_match.group(1).strip() if score_match else None

        address_match = re.search(r'Address:\s*(.+)', text)
        address = address_match.group(1).strip() if address_match else None

        review_keywords = re.findall(r'Keywords:\s*([^)]+)', text)
        unique_keywords = sorted({kw.strip() for group in review_keywords for kw in group.split(",")})

        return {
            "name": bakery_name,
            "score": overall_score,
            "address": address,
            "keywords": unique_keywords,
            "explanation": explanation.content
        }
