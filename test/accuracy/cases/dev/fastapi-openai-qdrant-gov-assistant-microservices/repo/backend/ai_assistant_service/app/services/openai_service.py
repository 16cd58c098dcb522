from openai import AsyncOpenAI
from fastapi import HTTPException
from ..core.settings import settings

client = AsyncOpenAI(api_key=settings.OPENAI_API_KEY)


async def get_answer_from_llm(question: str, context_chunks: list[str]) -> str:
    if not question:
        raise HTTPException(status_code=400, detail="No question provided")
    if not context_chunks:
        raise HTTPException(status_code=400, detail="No context_chunks provided")

    context = "\n\n".join(context_chunks)
    # The system instructions (answer only from the context, cite the sources, redirect
    # off-topic questions to Alberta services) are shortened here.
    prompt = f"""
    You are an expert AI assistant for the Government of Alberta.
    Answer ONLY from the provided context and always show the source URLs.

    ---
    Context:
    {context}

    Question:
    {question}
    """

    response = await client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "You are an expert assistant."},
            {"role": "user", "content": prompt}
        ],
        max_tokens=300,
        temperature=0.2,
    )

    return response.choices[0].message.content
