"""Multi-provider model support for the LangGraph agent."""

import os
import logging
import requests
from typing import Dict, Any, Optional
from enum import Enum

logger = logging.getLogger(__name__)


class ModelProvider(Enum):
    OLLAMA = "ollama"
    OPENAI = "openai"


class ModelManager:
    def __init__(self):
        self.providers = {}
        self._setup_providers()

    def _setup_providers(self):
        ollama_url = os.getenv("OLLAMA_BASE_URL")
        if ollama_url:
            self.providers[ModelProvider.OLLAMA] = {
                "base_url": ollama_url,
                "model": os.getenv("OLLAMA_MODEL", "phi3:mini"),
                "api_key": None,
            }

        openai_key = os.getenv("OPENAI_API_KEY")
        if openai_key:
            self.providers[ModelProvider.OPENAI] = {
                "base_url": os.getenv("OPENAI_BASE_URL", "https://api.openai.com/v1"),
                "model": os.getenv("OPENAI_MODEL", "gpt-3.5-turbo"),
                "api_key": openai_key,
            }

    def get_primary_provider(self) -> Optional[ModelProvider]:
        for provider in (ModelProvider.OPENAI, ModelProvider.OLLAMA):
            if provider in self.providers:
                return provider
        return None

    def call_model(self, prompt: str, thread_id: str, provider: Optional[ModelProvider] = None) -> str:
        if provider is None:
            provider = self.get_primary_provider()
        if provider is None:
            return "No model providers are configured. Please check your environment variables."

        config = self.providers[provider]
        try:
            if provider == ModelProvider.OLLAMA:
                return self._call_ollama(prompt, config)
            return self._call_openai_compatible(prompt, config)
        except Exception as e:
            logger.error(f"Error calling {provider.value} for thread {thread_id}: {str(e)}")
            return f"I'm experiencing technical difficulties. Please try again later. (Error: {str(e)[:100]})"

    def _call_ollama(self, prompt: str, config: Dict[str, Any]) -> str:
        payload = {"model": config["model"], "prompt": prompt, "stream": False}
        timeout = (
            float(os.getenv("OLLAMA_CONNECT_TIMEOUT", "10")),
            float(os.getenv("OLLAMA_REQUEST_TIMEOUT", "180"))
        )
        response = requests.post(f"{config['base_url']}/api/generate", json=payload, timeout=timeout)
        response.raise_for_status()
        return response.json().get("response", "").strip()

    def _call_openai_compatible(self, prompt: str, config: Dict[str, Any]) -> str:
        payload = {
            "model": config["model"],
            "messages": [{"role": "user", "content": prompt}],
            "max_tokens": int(os.getenv("MODEL_MAX_TOKENS", "500")),
        }
        headers = {"Authorization": f"Bearer {config['api_key']}"}
        timeout = (
            float(os.getenv("API_CONNECT_TIMEOUT", "10")),
            float(os.getenv("API_REQUEST_TIMEOUT", "60"))
        )
        response = requests.post(f"{config['base_url']}/chat/completions", json=payload, headers=headers, timeout=timeout)
        response.raise_for_status()
        return response.json()["choices"][0]["message"]["content"].strip()

    def get_available_providers(self) -> Dict[str, Dict[str, Any]]:
        return {p.value: {"model": c["model"], "base_url": c["base_url"]} for p, c in self.providers.items()}


model_manager = ModelManager()
