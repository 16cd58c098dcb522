import os

try:
    from dotenv import load_dotenv
    load_dotenv()
except ImportError:
    pass

openai_api_key = os.getenv("OPENAI_API_KEY")
if not openai_api_key:
    raise ValueError("OPENAI_API_KEY not set. Add to .env or Render env vars.")

from openai import OpenAI
client = OpenAI(api_key=openai_api_key)

from classifier import classify_intent
from retriever import retrieve_answer
from log_utils import log_interaction

SYSTEM_PROMPT = """
You are a helpful assistant for customer support agents.
Escalate unclear cases to a human.
"""


def run_agent(user_id: str, message: str, metadata: dict):
    intent, confidence = classify_intent(message)
    model_used = "gpt-3.5-turbo"

    if confidence < 0.7:
        response_text = "Flagging this for a human agent to review."
        latency_ms = 0
        log_interaction(user_id, message, response_text, latency_ms, model_used, intent, confidence)
        return response_text

    context_snippet = retrieve_answer(intent)

    prompt = f"""{SYSTEM_PROMPT}

User message: {message}
Intent: {intent}
Context: {context_snippet}
Response:"""

    import time
    start = time.time()
    result = client.chat.completions.create(
        model=model_used,
        messages=[{"role": "user", "content": prompt}]
    )
    latency_ms = int((time.time() - start) * 1000)

    response_text = result.choices[0].message.content.strip()

    log_interaction(user_id, message, response_text, latency_ms, model_used, intent, confidence)

    return response_text
