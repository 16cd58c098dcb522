DEFAULT_ASSISTANT_PROMPT = "You are a helpful AI assistant. Answer from the context only."


def create_rag_prompt(context: str, question: str) -> str:
    return f"Context:\n{context}\n\nQuestion: {question}\nAnswer:"
