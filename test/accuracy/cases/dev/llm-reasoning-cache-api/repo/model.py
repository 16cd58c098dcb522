"""Reasoning then answering with a small causal LM, loaded once at import."""
from transformers import AutoModelForCausalLM, AutoTokenizer
import torch

MAX_REASONING_TOKENS = 1024
MAX_RESPONSE_TOKENS = 512

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"Loading model to: {DEVICE}")
MODEL_NAME = "KingNish/Reasoning-0.5b"
model = AutoModelForCausalLM.from_pretrained(MODEL_NAME, torch_dtype="auto").to(DEVICE)
tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)


def generate_reasoning_and_answer(prompt: str) -> str:
    messages = [{"role": "user", "content": prompt}]
    template = tokenizer.apply_chat_template(messages, tokenize=False, add_reasoning_prompt=True)
    inputs = tokenizer(template, return_tensors="pt").to(model.device)
    reasoning_ids = model.generate(**inputs, max_new_tokens=MAX_REASONING_TOKENS)
    reasoning = tokenizer.decode(reasoning_ids[0, inputs.input_ids.shape[1]:], skip_special_tokens=True)

    messages.append({"role": "reasoning", "content": reasoning})
    template = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(template, return_tensors="pt").to(model.device)
    response_ids = model.generate(**inputs, max_new_tokens=MAX_RESPONSE_TOKENS)
    return tokenizer.decode(response_ids[0, inputs.input_ids.shape[1]:], skip_special_tokens=True)
