import json
import logging
from typing import Iterator, Optional

import requests

from ..config import settings

log = logging.getLogger("llm")

# (connect timeout, read timeout)
DEFAULT_TIMEOUT = (10, 600)

_GEMINI_CLIENT = None


def _get_gemini_client():
    global _GEMINI_CLIENT
    if _GEMINI_CLIENT is None:
        if not settings.gemini_api_key:
            raise RuntimeError("GEMINI_API_KEY is not set")
        from google import genai

        _GEMINI_CLIENT = genai.Client(api_key=settings.gemini_api_key)
    return _GEMINI_CLIENT


def ollama_generate(prompt: str, *, model: Optional[str] = None, temperature: float = 0.1, max_tokens: int = 512) -> str:
    payload = {
        "model": model or settings.ollama_model,
        "prompt": prompt,
        "stream": False,
        "options": {"temperature": float(temperature), "num_predict": int(max_tokens)},
    }
    r = requests.post(f"{settings.ollama_base_url}/api/generate", json=payload, timeout=DEFAULT_TIMEOUT)
    r.raise_for_status()
    return r.json().get("response", "") or ""


def ollama_stream(prompt: str, *, model: Optional[str] = None, max_tokens: int = 512) -> Iterator[str]:
    payload = {"model": model or settings.ollama_model, "prompt": prompt, "stream": True, "options": {"num_predict": int(max_tokens)}}
    with requests.post(f"{settings.ollama_base_url}/api/generate", json=payload, stream=True, timeout=DEFAULT_TIMEOUT) as r:
        r.raise_for_status()
        for line in r.iter_lines(decode_unicode=True):
            if not line:
                continue
            try:
                obj = json.loads(line)
            except Exception:
                continue
            if obj.get("done"):
                break
            token = obj.get("response", "")
            if token:
                yield token


def gemini_generate(prompt: str, *, model: Optional[str] = None, temperature: float = 0.1, max_tokens: int = 512) -> str:
    client = _get_gemini_client()
    resp = client.models.generate_content(
        model=model or settings.gemini_model,
        contents=prompt,
        config={"temperature": float(temperature), "max_output_tokens": int(max_tokens)},
    )
    return (getattr(resp, "text", None) or "").strip()


def llm_generate(prompt: str, *, temperature: float = 0.1, max_tokens: int = 512) -> str:
    provider = (settings.llm_provider or "ollama").lower().strip()
    if provider == "gemini":
        try:
            out = gemini_generate(prompt, temperature=temperature, max_tokens=max_tokens)
            if out:
                return out
            raise RuntimeError("Gemini returned empty response.")
        except Exception as e:
            log.exception("Gemini generate failed, falling back to Ollama: %s", e)
            return ollama_generate(prompt, temperature=temperature, max_tokens=max_tokens)
    return ollama_generate(prompt, temperature=temperature, max_tokens=max_tokens)
