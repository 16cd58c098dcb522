from langchain_core.prompts import ChatPromptTemplate

open_ai_message_config = ChatPromptTemplate.from_messages(
    [
        (
            "system",
            "You are a RAG assistant answering from documents stored in a PostgreSQL vector database.",
        ),
        ("human", "{input}"),
    ]
)
