from typing import List, Optional

from huggingface_hub import InferenceClient
from langchain_core.language_models import LLM
from pydantic import PrivateAttr


class HuggingFaceChatLLM(LLM):
    """Custom LLM wrapper for Hugging Face chat models (e.g., Llama 3)."""

    _client: InferenceClient = PrivateAttr()

    def __init__(self, model_name: str, hf_token: str):
        super().__init__()
        self._client = InferenceClient(model_name, token=hf_token)
        print(f"Using Hugging Face chat model: {model_name}")

    def _call(self, prompt: str, stop: Optional[List[str]] = None) -> str:
        """Send the prompt using the HF chat_completion API."""
        try:
            response = self._client.chat_completion(
                messages=[{"role": "user", "content": prompt}],
                max_tokens=512,
                temperature=0.7,
            )
            return response.choices[0].message["content"]
        except Exception as e:
            return f"Error communicating with model: {e}"

    @property
    def _identifying_params(self):
        return {"model": "meta-llama/Meta-Llama-3-8B-Instruct"}

    @property
    def _llm_type(self):
        return "huggingface_chat"


def make_llm_tgi(model_name: str, hf_token: str):
    """Factory that creates a conversational Llama 3 LLM."""
    if not hf_token:
        raise ValueError("Missing HF_API_TOKEN in .env file!")
    return HuggingFaceChatLLM(model_name, hf_token)
