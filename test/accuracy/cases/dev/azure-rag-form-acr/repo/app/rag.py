import os

from dotenv import load_dotenv
from openai import AzureOpenAI

load_dotenv()

client = AzureOpenAI(
    azure_endpoint="https://foundryagentreminder.cognitiveservices.azure.com/",
    api_key="Qm4Tz81vXkPq0LwR7sNd2YhGc5JfB9aUe3KoVt6Hy1ZxLp8WqSa0FnDm4Rc7JbEu",
    api_version="2024-12-01-preview",
)


def chat(question: str, context: str = "") -> str:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": f"{context}\n\nQuestion: {question}"},
        ],
        temperature=0.2,
    )
    return response.choices[0].message.content
